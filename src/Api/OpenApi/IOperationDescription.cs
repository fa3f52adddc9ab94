using ImportsService.Application.Common.Parameters;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// What the OpenAPI document says of one endpoint beyond what ApiExplorer knows: each use case's folder has one, found by
/// its <see cref="OperationId"/>, which is also the route name of the endpoint's GET action. The shared parts (security,
/// <c>X-Api-Version</c>, the 400 shape and the 401/403/405/429/500/503 problems) are added to every operation.
/// </summary>
public interface IOperationDescription
{
    string OperationId { get; }

    string Summary { get; }

    string Description { get; }

    /// <summary>What the 200 response is.</summary>
    string OkDescription { get; }

    /// <summary>The use case's parameter table: the operation's parameters are exactly its rows, in order.</summary>
    ParameterTable Parameters { get; }

    /// <summary>The recorded 200 and 400 answers, each request relative to the operation's route.</summary>
    RecordedExample OkExample { get; }

    RecordedExample BadRequestExample { get; }

    /// <summary>Problems only this operation answers with (Get Import's 404), listed between 403 and 405.</summary>
    IReadOnlyList<OperationProblem> Problems => [];
}

/// <summary>A problem response of one operation: its status, what it means, and a recorded answer.</summary>
public sealed record OperationProblem(int Status, string Description, RecordedExample Example);
