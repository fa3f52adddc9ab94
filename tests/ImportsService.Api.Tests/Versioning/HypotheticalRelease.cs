using System.Globalization;
using System.Text.Json.Serialization;
using ImportsService.Api.Versioning;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Application.Versioning;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Api.Tests.Versioning;

/// <summary>
/// A later release that does not exist, registered in a test host the way a real one would be added: a release
/// date (<see cref="ApiReleasesServiceCollectionExtensions.AddApiRelease"/>) and response formats beside the first
/// ones. Its breaking change: the list's records move to <c>data</c> with the paging members under <c>meta</c>,
/// and <c>file_size</c> becomes a number.
/// </summary>
internal static class HypotheticalRelease
{
    public static readonly DateOnly Date = new(2025, 1, 1);

    /// <summary>A key of the demo account's user locked to <see cref="Date"/>, added to the shared database once.</summary>
    public const string LockedApiKey = "locked-to-2025-01-01-api-key";

    private static readonly SemaphoreSlim KeyGate = new(1, 1);
    private static bool keyAdded;

    public static ImportsApiFactory Host(IReadOnlyDictionary<string, string>? settings = null) =>
        new(ApiHost.DatabasePath, settings: settings, configureServices: services =>
        {
            services.AddApiRelease(Date);
            services.AddSingleton<IResponseFormat, ListImports20250101>();
            services.AddSingleton<IResponseFormat, GetImport20250101>();
        });

    /// <summary>Adds <see cref="LockedApiKey"/> (a second key of the demo user, as key creation would store it) unless it is there.</summary>
    public static async Task AddLockedKeyAsync()
    {
        await KeyGate.WaitAsync();
        try
        {
            if (keyAdded)
            {
                return;
            }

            await using var connection = new SqliteConnection($"Data Source={ApiHost.DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO api_keys (user_id, key_hash, created_at, api_version)
                SELECT k.user_id, $hash, 0, $version FROM api_keys k WHERE k.key_hash = $demo;
                """;
            command.Parameters.AddWithValue("$hash", ApiKeyHash.Compute(LockedApiKey));
            command.Parameters.AddWithValue("$version", Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$demo", ApiKeyHash.Compute(DemoTenants.DemoApiKey));
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
            keyAdded = true;
        }
        finally
        {
            KeyGate.Release();
        }
    }

    private sealed class ListImports20250101 : IResponseFormat<ListImportsResult>
    {
        public DateOnly Since => Date;

        public object Write(ListImportsResult result) =>
            new ImportList(result.Records.Select(V2Import.From).ToArray(), new Meta(result.NextCursor, result.PerPage));
    }

    private sealed class GetImport20250101 : IResponseFormat<GetImportResult>
    {
        public DateOnly Since => Date;

        public object Write(GetImportResult result) => V2Import.From(result.Import);
    }

    private sealed record ImportList([property: JsonPropertyName("data")] IReadOnlyList<V2Import> Data, [property: JsonPropertyName("meta")] Meta Meta);

    private sealed record Meta([property: JsonPropertyName("next_cursor")] string? NextCursor, [property: JsonPropertyName("per_page")] int PerPage);

    private sealed record V2Import(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("file_name")] string FileName,
        [property: JsonPropertyName("file_size")] long FileSize,
        [property: JsonPropertyName("status")] string Status)
    {
        public static V2Import From(Import import) => new(import.Id, import.FileName, import.FileSize, import.Status.ToString());
    }
}
