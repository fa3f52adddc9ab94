using System.Text.Json.Nodes;
using ImportsService.Api.OpenApi;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.ListImports;
using Microsoft.OpenApi;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Api.Imports.ListImports;

internal sealed class ListImportsOperation : IOperationDescription
{
    public const string Id = "listImports";

    public string OperationId => Id;

    public string Summary => "List imports";

    public string Description =>
        "One page of the imports of the account named by `Account-Token`, keyset-paginated: follow `next_cursor` " +
        $"(pass it as `{StartCursor}`, or `{NextCursor}`) until it is null. " +
        "Filters combine with AND. Any other parameter name is a 400 naming it. HEAD is answered too (same status and headers, no body).";

    public string OkDescription => "One page of imports.";

    public ParameterTable Parameters => Table;

    public RecordedExample OkExample { get; } = new(typeof(ListImportsOperation), "list-imports.200", 200)
    {
        Query = "per_page=2&filter[status][include]=failed,complete&sort[created_at]=desc",
    };

    public RecordedExample BadRequestExample { get; } = new(typeof(ListImportsOperation), "list-imports.400", 400)
    {
        Query = "per_page=500&page=2&filter[created_at][gte]=yesterday",
    };
}

/// <summary>The schema of <see cref="ImportPage"/>: what each member means, and the shapes of the filtered_by and sorted_by entries.</summary>
internal sealed class ImportPageSchema : ISchemaDescription
{
    public Type Type => typeof(ImportPage);

    public void Describe(OpenApiSchema schema, SchemaProperties properties)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(properties);
        schema.Description = "One page of the caller's imports. Every member is always present; absent values are null.";
        properties.Edit("start_cursor", s => s.Description = $"Returns this same page again (pass it as {StartCursor}); never empty.");
        properties.Edit("next_cursor", s => s.Description = $"The following page (pass it as {StartCursor} or {NextCursor}); null on the last page.");
        properties.Edit("per_page", s => s.Description = "The page size applied.");
        properties.Edit("estimated_remaining_count", s => { s.Maximum = "500"; s.Description = "Matching records from this page's first to the end, this page included, counted up to 500."; });
        properties.Edit("filtered_by", s =>
        {
            s.Description = "The filters applied, normalised (timestamps in UTC), one single-key object each: " +
                            $"{{\"{StatusFilter}\": {{\"include\": \"failed,complete\"}}}}, " +
                            $"{{\"{Name(TimestampFields[0])}\": {{\"gte\": \"2024-01-01T00:00:00Z\"}}}}.";
            if (s.Items is OpenApiSchema item)
            {
                item.MinProperties = 1;
                item.MaxProperties = 1;
            }
        });
        properties.Edit("sorted_by", s =>
        {
            s.Description = "The sort applied, one single-key object per key, ending with the id tiebreaker: {\"created_at\": \"desc\"}, {\"id\": \"desc\"}.";
            if (s.Items is OpenApiSchema item)
            {
                item.MinProperties = 1;
                item.MaxProperties = 1;
                if (item.AdditionalProperties is OpenApiSchema direction)
                {
                    direction.Enum = [.. Directions.Select(d => (JsonNode)JsonValue.Create(d))];
                }
            }
        });
    }
}
