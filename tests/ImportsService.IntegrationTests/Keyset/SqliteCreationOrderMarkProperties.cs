using CsCheck;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports.ListImports;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace ImportsService.IntegrationTests.Keyset;

/// <summary>
/// The id seek with its creation-order marks (ADR 0010) walked page by page on its own, without the probe that would read
/// a small account through the timestamp's index instead: over accounts whose ids do not follow creation time
/// (random creation order, back-fills, ties, creation times corrected later, deletes), every id-sorted time window
/// returns exactly the oracle's rows, and the marks never exclude a row they cover.
/// </summary>
internal sealed class SqliteCreationOrderMarkProperties : SqliteDatabaseTest
{
    private static readonly Gen<UtcTimestamp> Instant =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 2], (minute, micro) => Rows.At(minute * 60, micro));

    private static readonly Gen<NewImport> Import =
        Gen.Select(Gen.Int[0, 9], Instant, Instant, (status, a, b) => new NewImport((ImportStatus)status, a < b ? a : b, a < b ? b : a));

    private static readonly Gen<NewImport[]> Rows_ =
        Gen.OneOf(
            Import.Array[0, 80],
            Gen.Select(Import.Array[0, 80], Gen.Select(Import, Gen.Int[0, 80]).Array[0, 10], (ordered, outliers) =>
            {
                var rows = ordered.OrderBy(row => row.CreatedAt).ToList();
                foreach (var (row, at) in outliers)
                {
                    rows.Insert(Math.Min(at, rows.Count), row);
                }

                return rows.ToArray();
            }));

    private static readonly Gen<BoundOperator?> Lower = Gen.Int[0, 2].Select(i => i switch { 1 => BoundOperator.GreaterThan, 2 => (BoundOperator?)BoundOperator.GreaterThanOrEqual, _ => null });

    private static readonly Gen<BoundOperator?> Upper = Gen.Int[0, 2].Select(i => i switch { 1 => BoundOperator.LessThan, 2 => (BoundOperator?)BoundOperator.LessThanOrEqual, _ => null });

    private static readonly Gen<TimeRange> Range =
        Gen.Select(Lower, Upper, Instant, Instant, (lower, upper, a, b) => new TimeRange(
            lower is { } l ? new TimestampBound(l, a) : null,
            upper is { } u ? new TimestampBound(u, b) : null));

    private static readonly Gen<ImportListing> IdListing =
        Gen.Select(Gen.Int[0, 1023], Range, Range, Gen.Bool, (mask, created, updated, ascending) => new ImportListing(
            new ImportFilter(mask % 3 == 0 ? ImportStatusSet.FromMask(Math.Max(1, mask)) : null, created, updated),
            new ImportSort(ImportSortKey.Id, ascending ? SortDirection.Ascending : SortDirection.Descending)));

    private static readonly Gen<ImportEdit> Edit = ImportEdit.Any(Instant);

    [Test]
    public async Task The_id_seek_alone_walks_exactly_the_oracle_rows_of_every_time_window_after_back_fills_corrections_and_deletes()
    {
        await Gen.Select(Rows_, Edit.Array[0, 20], Rows_, IdListing, Gen.Int[1, 7]).SampleAsync(
            async sample =>
            {
                var (first, edits, later, listing, perPage) = sample;
                await Database.ResetAsync();
                var account = await Database.CreateAccountAsync("acc");
                var neighbour = await Database.CreateAccountAsync("neighbour");
                await Database.InsertImportsAsync(neighbour, later);
                var rows = (await Database.InsertImportsAsync(account, first)).ToList();
                await Database.ApplyEditsAsync(rows, edits);

                rows.AddRange(await Database.InsertImportsAsync(account, later));
                var expected = ListingOracle.Apply(rows, listing);

                var walked = await SeekWalkAsync(account, listing, perPage);

                Assert.That(walked, Is.EqualTo(expected.Select(r => r.Id)), listing.ToString());
            },
            iter: 150,
            threads: 1);
    }

    /// <summary>
    /// What the triggers keep, checked against the definition: after any inserts, corrections and deletes both staircases
    /// rise strictly in id and created_at and cover every import (a suffix minimum at or after its id created at or
    /// before it; a prefix maximum at or before its id created at or after it); after inserts alone they are exactly the
    /// suffix minima and prefix maxima, as migration 0007 computes them for existing rows.
    /// </summary>
    [Test]
    public async Task The_triggers_keep_both_staircases_ordered_and_covering_every_import_and_exact_after_inserts_alone()
    {
        await Gen.Select(Rows_, Edit.Array[0, 20], Rows_).SampleAsync(
            async sample =>
            {
                var (first, edits, later) = sample;
                await Database.ResetAsync();
                var account = await Database.CreateAccountAsync("acc");
                var rows = (await Database.InsertImportsAsync(account, first)).ToList();
                await Database.ApplyEditsAsync(rows, edits);

                rows.AddRange(await Database.InsertImportsAsync(account, later));
                await using var connection = (SqliteConnection)await Database.OpenAsync();
                var minima = (await connection.QueryAsync<(long Id, long CreatedAt)>($"SELECT id, created_at FROM {CreationOrderMarks.SuffixMinima} WHERE account_id = @account ORDER BY id;", new { account })).ToArray();
                var maxima = (await connection.QueryAsync<(long Id, long CreatedAt)>($"SELECT id, created_at FROM {CreationOrderMarks.PrefixMaxima} WHERE account_id = @account ORDER BY id;", new { account })).ToArray();
                var imports = rows.Select(r => (r.Id, CreatedAt: r.CreatedAt.UnixMicroseconds)).OrderBy(r => r.Id).ToArray();

                Assert.That(minima.Zip(minima.Skip(1)), Has.All.Matches<((long Id, long CreatedAt) A, (long Id, long CreatedAt) B)>(p => p.A.CreatedAt < p.B.CreatedAt));
                Assert.That(maxima.Zip(maxima.Skip(1)), Has.All.Matches<((long Id, long CreatedAt) A, (long Id, long CreatedAt) B)>(p => p.A.CreatedAt < p.B.CreatedAt));
                Assert.That(imports, Has.All.Matches<(long Id, long CreatedAt)>(x => minima.Any(m => m.Id >= x.Id && m.CreatedAt <= x.CreatedAt)), "every import has a suffix minimum");
                Assert.That(imports, Has.All.Matches<(long Id, long CreatedAt)>(x => maxima.Any(m => m.Id <= x.Id && m.CreatedAt >= x.CreatedAt)), "every import has a prefix maximum");
                if (edits.Length == 0)
                {
                    Assert.That(minima, Is.EqualTo(imports.Where((x, i) => imports.Skip(i + 1).All(y => x.CreatedAt < y.CreatedAt))));
                    Assert.That(maxima, Is.EqualTo(imports.Where((x, i) => imports.Take(i).All(y => x.CreatedAt > y.CreatedAt))));
                }
            },
            iter: 150,
            threads: 1);
    }

    [Test]
    public void Control_every_id_sorted_shape_with_a_created_at_or_upper_updated_at_bound_reads_its_zones_within_marks_and_no_other_shape_does()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var (lower, upper) = shape.IdRange(static bound => bound.IsLower ? "floor" : "ceiling");
            var ceilings = new[] { shape.CreatedUpper, shape.UpdatedUpper }.Count(bound => bound is not null);
            var positionLimitsUpper = shape.HasPosition && shape.Direction == SortDirection.Descending;
            var positionLimitsLower = shape.HasPosition && shape.Direction == SortDirection.Ascending;
            var isId = shape.SortKey == ImportSortKey.Id;

            Assert.That(shape.ReadsIdZones, Is.EqualTo(isId && shape.Bounds().Count > 0), shape.ToString());
            Assert.That(upper.Count(b => b == "ceiling"), Is.EqualTo(isId && !positionLimitsUpper ? ceilings : 0), shape.ToString());
            Assert.That(lower.Count(b => b == "floor"), Is.EqualTo(isId && !positionLimitsLower && shape.CreatedLower is not null ? 1 : 0), shape.ToString());
            var zones = shape.FiltersStatus ? IdZones.StatusTable : IdZones.Table;
            var page = SqliteKeysetSql.Seek(shape, 1).Page;
            Assert.That(page.Contains(zones + " AS", StringComparison.Ordinal), Is.EqualTo(shape.ReadsIdZones), shape.ToString());
            Assert.That(page.Contains("CROSS JOIN imports", StringComparison.Ordinal), Is.EqualTo(shape.ReadsIdZones), "only an id seek walks the zones");
            Assert.That(SqliteKeysetSql.ZoneBounds(shape, 1)?.Contains(zones + " AS", StringComparison.Ordinal) ?? false, Is.EqualTo(shape.ZoneBoundedSide() is not null), shape.ToString());
        }
    }

    /// <summary>Every page through the seek's statements (never a probed range), each page after the last row of the one before.</summary>
    private async Task<List<long>> SeekWalkAsync(long account, ImportListing listing, int perPage)
    {
        await using var connection = (SqliteConnection)await Database.OpenAsync();
        var ids = new List<long>();
        KeysetPosition? after = null;
        while (true)
        {
            var request = new KeysetPageRequest(account, listing, after, perPage + 1, 500);
            var commands = SqliteKeysetSql.For(KeysetQueryShape.Of(request), listing.Filter.Statuses?.Members.Count() ?? 0);
            await using var results = await connection.QueryMultipleAsync(commands.Seek, SqliteImportPageReader.Parameters(request));
            var page = (await results.ReadAsync<SqliteImportRow>()).Select(row => row.ToRecord()).ToArray();
            ids.AddRange(page.Take(perPage).Select(r => r.Id));
            if (page.Length <= perPage)
            {
                return ids;
            }

            after = new KeysetPosition(null, page[perPage - 1].Id);
        }
    }
}
