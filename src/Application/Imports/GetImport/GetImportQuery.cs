using System.Globalization;
using ImportsService.Application.Common.Parameters;
using MediatR;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>
/// One import of the caller's account by its id, as the client asked for it (<see cref="Read"/>);
/// <see cref="GetImportQueryValidator"/> judges it before <see cref="GetImportHandler"/> reads the import.
/// </summary>
public sealed record GetImportQuery : IRequest<GetImportResult>
{
    private GetImportQuery(long accountId, long importId, IReadOnlyList<string> unknownParameters)
    {
        AccountId = accountId;
        ImportId = importId;
        UnknownParameters = unknownParameters;
    }

    /// <summary>The account the caller may read (from authentication, never from the client).</summary>
    public long AccountId { get; }

    /// <summary>The id from the path; 0 when it is not a whole number (no rule allows 0).</summary>
    public long ImportId { get; }

    /// <summary>Query-string names, as sent: this endpoint takes none.</summary>
    public IReadOnlyList<string> UnknownParameters { get; }

    /// <param name="accountId">The account the caller may read (from authentication, never from the client).</param>
    /// <param name="id">The id as it appears in the path.</param>
    /// <param name="sent">The query string as sent.</param>
    public static GetImportQuery Read(long accountId, string id, IEnumerable<SentParameter> sent)
    {
        var matched = GetImportParameters.Table.Match(sent);
        var importId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return new GetImportQuery(accountId, importId, [.. matched.Unknown, .. matched.Repeated]);
    }
}
