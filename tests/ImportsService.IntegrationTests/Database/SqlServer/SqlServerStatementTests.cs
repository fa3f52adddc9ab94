using System.Data;
using System.Text.RegularExpressions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Access.CreateApiKey;
using ImportsService.Infrastructure.Access.ResolveCaller;
using ImportsService.Infrastructure.Access.RevokeApiKey;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Imports.GetImport;
using ImportsService.Infrastructure.Imports.ListImports;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.SqlServer;
using ImportsService.IntegrationTests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImportsService.IntegrationTests.Database.SqlServer;

/// <summary>
/// What can be proved about the SQL Server provider without a server: every statement it can send parses
/// as T-SQL (SQL Server 2022 grammar), every parameter a statement names is supplied and nothing else is,
/// and each parameter carries the type of the column it meets, so no plan converts a column.
/// </summary>
internal sealed class SqlServerStatementTests
{
    private static readonly UtcTimestamp Instant = UtcTimestamp.FromDateTime(new DateTime(2024, 11, 21, 10, 15, 30, 123, 456, DateTimeKind.Utc));

    [Test]
    public void Every_keyset_batch_of_all_1944_shapes_parses_and_names_exactly_the_parameters_its_request_supplies()
    {
        var problems = new List<string>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in KeysetQueryShapes.All())
        {
            var request = RequestOf(shape);
            Assert.That(KeysetQueryShape.Of(request), Is.EqualTo(shape), "the request built for a shape has that shape");
            var sql = SqlServerKeysetSql.For(shape);
            texts.Add(sql);

            var (errors, variables, _) = Parse(sql);
            var supplied = SqlServerImportPageReader.Parameters(request).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (errors.Count > 0)
            {
                problems.Add($"{shape}: {string.Join("; ", errors)}");
            }

            if (!variables.SetEquals(supplied))
            {
                problems.Add($"{shape}: SQL names [{string.Join(", ", variables.Order())}] but the request supplies [{string.Join(", ", supplied.Order())}]");
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
        Assert.That(texts, Has.Count.EqualTo(1944), "one distinct SQL text per shape");
    }

    /// <summary>
    /// The page and the capped count read the same index with the same predicate in the same order: once without a
    /// status filter, once per status arm (ten, each <c>status = n</c>, switched on by <c>n IN (@status_0, …)</c>) with
    /// one. Both are in the batch the reader sends, folded into one statement.
    /// </summary>
    [Test]
    public void Every_keyset_batch_is_a_page_then_a_capped_count_over_the_same_predicate()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var statements = SeekStatements(shape);
            var index = shape.FiltersStatus ? shape.StatusIndex() : SqlServerKeysetSql.IndexFor(shape.SortKey);
            var reads = PageReads.Matches(statements[0]).Select(m => (From: m.Groups["from"].Value, Source: m.Groups["source"].Value, Zones: m.Groups["zones"].Value, Where: Spaced(m.Groups["where"].Value), OrderBy: m.Groups["order"].Value)).ToArray();

            Assert.That(statements, Has.Count.EqualTo(2));
            Assert.That(statements[0], Does.StartWith("SELECT TOP (@take) "));
            Assert.That(reads, Has.Length.EqualTo(shape.FiltersStatus ? ImportStatusSet.StatusCount : 1), shape.ToString());
            for (var i = 0; i < reads.Length; i++)
            {
                var (from, source, zones, where, orderBy) = reads[i];
                Assert.That(source, Is.EqualTo($"dbo.imports WITH (INDEX ({index}), FORCESEEK)"), shape.ToString());
                // An id seek with a time window walks the id zones (ADR 0012), a status arm those of its status.
                Assert.That(zones, shape.ReadsIdZones ? Does.StartWith($"dbo.{(shape.FiltersStatus ? IdZones.StatusTable : IdZones.Table)} AS") : Is.Empty, shape.ToString());
                // The count reads in the page's order, so it stops where the page found its rows.
                Assert.That(statements[1], Does.Contain($"SELECT TOP (@count_cap) 1 AS x FROM {from} {where} {orderBy})"), shape.ToString());
                if (shape.FiltersStatus)
                {
                    Assert.That(where, Does.StartWith($"WHERE {(shape.ReadsIdZones ? "imports." : string.Empty)}account_id = @account_id AND status = {i} AND {i} IN (@status_0, @status_1, @status_2, @status_3, @status_4, @status_5, @status_6, @status_7, @status_8, @status_9)"), shape.ToString());
                }
            }

            Assert.That(statements[0], Does.Contain(shape.ReadsIdZones ? $"ORDER BY {IdZones.OrderBy(shape)}" : $"ORDER BY {shape.OrderBy()}"), shape.ToString());
            Assert.That(statements[0], Does.Not.Contain("IS NULL").And.Not.Contain(" OR @"), "no catch-all predicates");
            Assert.That(SqlServerKeysetSql.For(shape), Does.Contain(statements[0].TrimEnd(';')).And.Contain(statements[1].TrimEnd(';')));
        }
    }

    /// <summary>
    /// Every read of <c>dbo.imports</c> in every batch is pinned, <c>WITH (INDEX (…), FORCESEEK)</c>, to the index its access
    /// path is written for (the sort key's, the status-led one, or a probed filter column's), and each such index is one
    /// the migrations leave in place.
    /// </summary>
    [Test]
    public void Every_read_of_imports_is_pinned_with_forceseek_to_the_index_its_access_path_is_written_for()
    {
        var existing = ImportsSchemaAfterMigrations().Indexes.Keys.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var shape in KeysetQueryShapes.All())
        {
            var seek = SqlServerKeysetSql.Seek(shape);
            var ranges = shape.ProbedColumns().Select(column => (Index: SqlServerKeysetSql.IndexFor(ImportColumns.SortKeyOf(column)), Statements: SqlServerKeysetSql.Range(shape, column))).ToArray();
            var seekIndex = shape.FiltersStatus ? shape.StatusIndex() : SqlServerKeysetSql.IndexFor(shape.SortKey);
            // The id zones' bound on a timestamp seek (ADR 0012) reads the imports of a zone the window crosses by id.
            var zoneIndex = shape.ZoneBoundedSide() is null ? null
                : shape.FiltersStatus ? KeysetQueryShape.StatusIndexFor(ImportSortKey.Id) : SqlServerKeysetSql.IndexFor(ImportSortKey.Id);
            var expected = new List<(string Sql, string Index)> { (seek.Page, seekIndex), (seek.Count, seekIndex) };
            expected.AddRange(ranges.SelectMany(r => new[] { (r.Statements.Page, r.Index), (r.Statements.Count, r.Index) }));
            foreach (var (sql, index) in expected)
            {
                var reads = ReadsOfImports(sql);
                var zoneRead = index == seekIndex && zoneIndex is not null ? (zoneIndex, true) : ((string?, bool)?)null;
                if (reads.Count == 0 || reads.Any(read => read != (index, true) && read != zoneRead) || (zoneRead is { } z && !reads.Contains(z)))
                {
                    problems.Add($"{shape}: expected every read on {index} with FORCESEEK, found [{string.Join(", ", reads)}]");
                }
            }

            var batchReads = ReadsOfImports(SqlServerKeysetSql.For(shape));
            var batchIndexes = batchReads.Select(r => r.Index).ToHashSet(StringComparer.Ordinal);
            if (batchReads.Any(r => !r.ForceSeek || r.Index is null || !existing.Contains(r.Index))
                || !batchIndexes.SetEquals(ranges.Select(r => r.Index).Append(seekIndex).Concat(zoneIndex is null ? [] : [zoneIndex])))
            {
                problems.Add($"{shape}: batch reads [{string.Join(", ", batchReads.Distinct())}]");
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
    }

    /// <summary>
    /// Page and count are one statement (one snapshot under READ_COMMITTED_SNAPSHOT): a batch without a probe is exactly
    /// one SELECT; with a probe, one DECLARE per probed column and one IF whose every branch is one SELECT. An id seek's
    /// creation-order marks are subqueries of its statement, never statements of their own.
    /// </summary>
    [Test]
    public void Page_and_count_are_one_statement_and_a_probe_only_chooses_which()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var probed = shape.ProbedColumns().Count;
            var batch = Parse(SqlServerKeysetSql.For(shape)).Fragment;
            var top = ((TSqlScript)batch).Batches.Single().Statements;
            if (probed == 0)
            {
                Assert.That(top.Single(), Is.InstanceOf<SelectStatement>(), shape.ToString());
                continue;
            }

            Assert.That(top.Take(probed), Has.All.InstanceOf<DeclareVariableStatement>(), shape.ToString());
            Assert.That(top.Skip(probed).Single(), Is.InstanceOf<IfStatement>(), shape.ToString());
            var branches = new List<TSqlStatement>();
            for (TSqlStatement? branch = top[^1]; branch is IfStatement choice; branch = choice.ElseStatement)
            {
                branches.Add(choice.ThenStatement);
                if (choice.ElseStatement is not IfStatement)
                {
                    branches.Add(choice.ElseStatement);
                }
            }

            Assert.That(branches, Has.Count.EqualTo(probed + 1).And.All.InstanceOf<SelectStatement>(), shape.ToString());
        }
    }

    [Test]
    public void A_probe_names_the_probe_cap_as_an_int_like_the_other_row_counts_and_only_shapes_with_a_probe_do()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var parameters = SqlServerImportPageReader.Parameters(RequestOf(shape)).ToDictionary(p => p.Name);
            var probed = shape.ProbedColumns().Count > 0;

            Assert.That(parameters.ContainsKey("probe_cap"), Is.EqualTo(probed), shape.ToString());
            foreach (var name in new[] { "take", "count_cap", "probe_cap" }.Where(parameters.ContainsKey))
            {
                Assert.That(parameters[name].Type, Is.EqualTo(DbType.Int32), name);
            }
        }

        Assert.That(SqlServerImportPageReader.Parameters(RequestOf(new KeysetQueryShape(ImportSortKey.Id, SortDirection.Descending, false, BoundOperator.GreaterThan, null, null, null, false)))
            .Single(p => p.Name == "probe_cap").Value, Is.EqualTo(KeysetQueryShape.ZoneProbeCap), "an id seek the zones bound");
        Assert.That(SqlServerImportPageReader.Parameters(RequestOf(new KeysetQueryShape(ImportSortKey.CreatedAt, SortDirection.Descending, true, null, null, BoundOperator.GreaterThan, null, false)))
            .Single(p => p.Name == "probe_cap").Value, Is.EqualTo(KeysetQueryShape.ProbeCap), "a timestamp seek, which walks no zones");
    }

    [Test]
    public void A_bound_the_position_implies_joins_the_positions_range_as_the_nearer_bound_instead_of_seeking_from_the_filter()
    {
        var strict = new KeysetQueryShape(ImportSortKey.CreatedAt, SortDirection.Descending, false, null, BoundOperator.LessThan, null, null, true);
        var inclusive = new KeysetQueryShape(ImportSortKey.UpdatedAt, SortDirection.Ascending, false, null, null, BoundOperator.GreaterThanOrEqual, null, true);

        var descending = SqlServerKeysetSql.Seek(strict).Page;
        var ascending = SqlServerKeysetSql.Seek(inclusive).Page;

        Assert.That(descending, Does.Contain("created_at <= CASE WHEN @after_ts <= @created_upper THEN @after_ts ELSE @created_upper END AND (created_at < @after_ts OR id < @after_id) AND created_at <> @created_upper"));
        Assert.That(descending, Does.Not.Contain("created_at < @created_upper"));
        Assert.That(ascending, Does.Contain("updated_at >= CASE WHEN @after_ts >= @updated_lower THEN @after_ts ELSE @updated_lower END AND (updated_at > @after_ts OR id > @after_id)"));
        Assert.That(ascending, Does.Not.Contain("updated_at >= @updated_lower").And.Not.Contain("<> @updated_lower"));
    }

    [Test]
    public void A_bound_derived_from_the_other_timestamp_is_a_range_on_the_sort_key_and_with_the_keys_own_bound_the_tighter_of_the_two()
    {
        var derived = SqlServerKeysetSql.Seek(new KeysetQueryShape(ImportSortKey.UpdatedAt, SortDirection.Descending, false, BoundOperator.GreaterThan, null, null, null, false)).Page;
        var both = SqlServerKeysetSql.Seek(new KeysetQueryShape(ImportSortKey.CreatedAt, SortDirection.Ascending, false, null, BoundOperator.LessThan, null, BoundOperator.LessThanOrEqual, false)).Page;

        Assert.That(derived, Does.Contain("created_at > @created_lower").And.Contain("updated_at > @created_lower"));
        Assert.That(both, Does.Contain("updated_at <= @updated_upper")
            .And.Contain("created_at <= CASE WHEN @created_upper <= @updated_upper THEN @created_upper ELSE @updated_upper END AND created_at <> @created_upper"));
    }

    [Test]
    public async Task A_folded_page_is_read_as_its_rows_and_the_count_and_an_empty_page_as_the_count_alone()
    {
        using var table = new DataTable();
        table.Columns.Add("Remaining", typeof(int));
        foreach (var (name, type) in new[]
                 {
                     ("Id", typeof(long)), ("Type", typeof(string)), ("Status", typeof(byte)), ("FileName", typeof(string)), ("FileSize", typeof(long)),
                     ("Note", typeof(string)), ("CompletedAt", typeof(DateTime)), ("CreatedAt", typeof(DateTime)), ("UpdatedAt", typeof(DateTime)),
                 })
        {
            table.Columns.Add(name, type);
        }

        var at = Instant.ToDateTime();
        table.Rows.Add(7, 42L, "vehicles", (byte)ImportStatus.Failed, "a.csv", 10L, DBNull.Value, DBNull.Value, at, at);
        table.Rows.Add(7, 41L, "drivers", (byte)ImportStatus.Complete, "b.csv", 20L, "note", at, at, at);
        using var empty = table.Clone();
        empty.Rows.Add(0, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value);

        await using var rows = table.CreateDataReader();
        var page = await SqlServerImportPageReader.ReadFoldedAsync(rows, CancellationToken.None);
        await using var none = empty.CreateDataReader();
        var emptyPage = await SqlServerImportPageReader.ReadFoldedAsync(none, CancellationToken.None);

        Assert.That(page.CappedRemainingCount, Is.EqualTo(7));
        Assert.That(page.Records, Is.EqualTo(new[]
        {
            new Import(42, "vehicles", ImportStatus.Failed, "a.csv", 10, null, null, Instant, Instant),
            new Import(41, "drivers", ImportStatus.Complete, "b.csv", 20, "note", Instant, Instant, Instant),
        }));
        Assert.That(emptyPage.Records, Is.Empty);
        Assert.That(emptyPage.CappedRemainingCount, Is.Zero);
    }

    /// <summary>
    /// The imports table as every migration together leaves it: the clustered key <c>(account_id, id)</c> is the primary
    /// key, nothing is keyed on id alone, <c>created_at &lt;= updated_at</c> is checked, and each sort key has a covering
    /// index led by the account and one led by the account and the status.
    /// </summary>
    [Test]
    public void After_every_migration_imports_is_keyed_on_account_and_id_checks_timestamp_order_and_has_status_led_covering_indexes()
    {
        var schema = ImportsSchemaAfterMigrations();
        const string listed = "account_id, id, type, status, file_name, file_size, note, completed_at, created_at, updated_at";

        Assert.That(schema.Indexes["pk_imports"], Is.EqualTo(new SchemaIndex(true, true, "account_id, id", string.Empty)));
        Assert.That(schema.Indexes.Values.Count(i => i.Clustered), Is.EqualTo(1));
        Assert.That(schema.Indexes.Values.Select(i => i.Keys), Has.None.EqualTo("id"), "nothing spans every tenant by id");
        Assert.That(schema.Indexes.Where(i => !i.Value.Clustered).ToDictionary(i => i.Key, i => i.Value.Keys), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["ix_imports_account_created_at"] = "account_id, created_at, id",
            ["ix_imports_account_updated_at"] = "account_id, updated_at, id",
            ["ix_imports_account_status_id"] = "account_id, status, id",
            ["ix_imports_account_status_created_at"] = "account_id, status, created_at, id",
            ["ix_imports_account_status_updated_at"] = "account_id, status, updated_at, id",
        }));
        foreach (var (name, index) in schema.Indexes.Where(i => !i.Value.Clustered))
        {
            var covered = $"{index.Keys}, {index.Included}".Split(", ").ToHashSet(StringComparer.Ordinal);
            Assert.That(covered, Is.SupersetOf(listed.Split(", ")), $"{name} covers every listed column");
        }

        Assert.That(schema.Checks["ck_imports_created_not_after_updated"], Is.EqualTo("created_at <= updated_at"));
        Assert.That(schema.Checks.Keys, Is.SupersetOf(new[] { "ck_imports_status", "ck_imports_file_size" }));
        foreach (var key in Enum.GetValues<ImportSortKey>())
        {
            Assert.That(schema.Indexes.Keys, Does.Contain(SqlServerKeysetSql.IndexFor(key)));
        }

        Assert.That(schema.Indexes.Keys, Is.SupersetOf(KeysetQueryShapes.All().Select(shape => shape.StatusIndex()).Distinct()));
    }

    [Test]
    public void A_later_page_on_a_timestamp_is_a_redundant_range_then_the_tie_broken_by_id()
    {
        var descending = SqlServerKeysetSql.Seek(KeysetQueryShapes.All().First(s => s is { SortKey: ImportSortKey.CreatedAt, Direction: SortDirection.Descending, HasPosition: true })).Page;
        var ascending = SqlServerKeysetSql.Seek(KeysetQueryShapes.All().First(s => s is { SortKey: ImportSortKey.UpdatedAt, Direction: SortDirection.Ascending, HasPosition: true })).Page;
        var byId = SqlServerKeysetSql.Seek(KeysetQueryShapes.All().First(s => s is { SortKey: ImportSortKey.Id, Direction: SortDirection.Descending, HasPosition: true })).Page;

        Assert.That(descending, Does.Contain("created_at <= @after_ts AND (created_at < @after_ts OR id < @after_id)"));
        Assert.That(descending, Does.Contain("ORDER BY created_at DESC, id DESC"));
        Assert.That(ascending, Does.Contain("updated_at >= @after_ts AND (updated_at > @after_ts OR id > @after_id)"));
        Assert.That(byId, Does.Contain("AND id < @after_id").And.Contain("ORDER BY id DESC"));
    }

    [Test]
    public void The_caller_access_query_the_import_lookup_the_probe_the_seeder_statements_and_the_database_creation_parse()
    {
        var statements = new List<(string Name, string Sql)>
        {
            ("caller access", SqlServerCallerAccessReader.Sql),
            ("import by id", SqlServerImportReader.Sql),
            ("probe", SqlServerDatabaseProbe.Sql),
            ("create database", SqlServerDatabaseMigrator.CreateDatabaseStatement),
        };
        statements.AddRange(SqlServerDemoDataSeeder.Statements.Select(sql => ("seeder", sql)));

        foreach (var (name, sql) in statements)
        {
            Assert.That(Parse(sql).Errors, Is.Empty, $"{name}: {sql}");
        }
    }

    [Test]
    public void The_import_lookup_seeks_the_clustered_key_with_exactly_its_two_parameters_both_bigint()
    {
        var (errors, variables, _) = Parse(SqlServerImportReader.Sql);
        var parameters = SqlServerImportReader.Parameters(7, 42).ToDictionary(p => p.Name);

        Assert.That(errors, Is.Empty);
        Assert.That(variables, Is.EquivalentTo(parameters.Keys));
        Assert.That(parameters["account_id"], Is.EqualTo(new TypedParameter("account_id", 7L, DbType.Int64)));
        Assert.That(parameters["id"], Is.EqualTo(new TypedParameter("id", 42L, DbType.Int64)));
        // Both columns of the unique clustered index cx_imports_account_id (account_id, id), compared for equality.
        Assert.That(SqlServerImportReader.Sql, Does.Contain("FROM dbo.imports\nWHERE account_id = @account_id AND id = @id;"));
    }

    [Test]
    public void The_import_lookup_and_the_page_select_every_column_under_the_name_of_the_row_records_property()
    {
        var properties = typeof(SqlServerImportRow).GetConstructors().Single().GetParameters().Select(p => p.Name).ToArray();
        var page = SqlServerKeysetSql.Seek(KeysetQueryShape.Of(new KeysetPageRequest(1, ImportListing.Default, null, 51, 500))).Page;

        foreach (var sql in new[] { SqlServerImportReader.Sql, page })
        {
            var aliases = new SelectAliasCollector();
            Parse(sql).Fragment.Accept(aliases);

            Assert.That(aliases.Aliases, Is.EqualTo(properties), sql);
        }
    }

    [Test]
    public void Every_migration_script_parses()
    {
        var scripts = SqlServerDatabaseMigrator.Scripts();

        Assert.That(scripts.Select(s => s.Name), Is.EqualTo(new[]
        {
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0001_create_access_tables.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0002_create_imports.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0003_imports_timestamp_order_and_status_indexes.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0004_api_key_versions.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0005_api_key_hash_scheme.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0006_account_rate_plans.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0007_import_creation_order_marks.sql",
            "ImportsService.Infrastructure.Database.SqlServer.Migrations.0008_import_id_zones.sql",
        }));
        foreach (var (name, contents) in scripts)
        {
            Assert.That(Parse(contents).Errors, Is.Empty, name);
            Assert.That(contents, Does.Not.Contain("$"), $"{name}: DbUp would read $name$ as a variable");
        }
    }

    [Test]
    public void The_imports_table_is_clustered_on_account_and_id_with_covering_timestamp_indexes()
    {
        var script = SqlServerDatabaseMigrator.Scripts().Single(s => s.Name.EndsWith("0002_create_imports.sql", StringComparison.Ordinal)).Contents;
        var (_, _, fragment) = Parse(script);
        var indexes = new IndexCollector();
        fragment.Accept(indexes);

        Assert.That(indexes.Clustered, Is.EqualTo(new[] { "account_id, id" }));
        Assert.That(indexes.Nonclustered, Is.EquivalentTo(new[]
        {
            "account_id, created_at, id INCLUDE type, status, file_name, file_size, note, completed_at, updated_at",
            "account_id, updated_at, id INCLUDE type, status, file_name, file_size, note, completed_at, created_at",
        }));
        Assert.That(script, Does.Contain("created_at   datetime2(6)  NOT NULL").And.Contain("status       tinyint       NOT NULL"));
    }

    [Test]
    public void The_column_length_constants_are_the_lengths_the_migrations_declare()
    {
        var columns = new ColumnCollector();
        foreach (var (_, contents) in SqlServerDatabaseMigrator.Scripts())
        {
            Parse(contents).Fragment.Accept(columns);
        }

        Assert.That(columns.Lengths, Is.SupersetOf(new Dictionary<string, string>
        {
            ["accounts.token"] = $"varchar({SqlServerColumnLengths.AccountToken})",
            ["accounts.name"] = $"nvarchar({SqlServerColumnLengths.Name})",
            ["users.name"] = $"nvarchar({SqlServerColumnLengths.Name})",
            ["api_keys.key_hash"] = $"binary({SqlServerColumnLengths.KeyHash})",
            ["imports.type"] = $"varchar({SqlServerColumnLengths.ImportType})",
            ["imports.file_name"] = $"nvarchar({SqlServerColumnLengths.FileName})",
            ["imports.note"] = $"nvarchar({SqlServerColumnLengths.Note})",
        }));
    }

    [Test]
    public void Keyset_timestamps_are_datetime2_at_microsecond_scale_never_the_legacy_datetime()
    {
        var shape = KeysetQueryShapes.All().First(s => s is { SortKey: ImportSortKey.CreatedAt, FiltersStatus: true, HasPosition: true, CreatedLower: not null, CreatedUpper: not null, UpdatedLower: not null, UpdatedUpper: not null });
        var parameters = SqlServerImportPageReader.Parameters(RequestOf(shape)).ToDictionary(p => p.Name);

        foreach (var name in new[] { "created_lower", "created_upper", "updated_lower", "updated_upper", "after_ts" })
        {
            Assert.That(parameters[name].Type, Is.EqualTo(DbType.DateTime2), name);
            Assert.That(parameters[name].Scale, Is.EqualTo(6), name);
            Assert.That(parameters[name].Value, Is.TypeOf<DateTime>().And.Property(nameof(DateTime.Kind)).EqualTo(DateTimeKind.Utc), name);
        }

        Assert.That(parameters["after_ts"].Value, Is.EqualTo(Instant.ToDateTime()), "exact to the microsecond");
        Assert.That(parameters["account_id"].Type, Is.EqualTo(DbType.Int64));
        Assert.That(parameters["after_id"].Type, Is.EqualTo(DbType.Int64));
        var statusTypes = parameters.Values.Where(p => p.Name.StartsWith("status_", StringComparison.Ordinal)).Select(p => p.Type).ToArray();
        Assert.That(statusTypes, Has.Length.EqualTo(10).And.All.EqualTo(DbType.Byte));
        Assert.That(parameters.Values.Select(p => p.Type), Has.None.EqualTo(DbType.DateTime).And.None.EqualTo(DbType.String));
    }

    [Test]
    public void A_status_set_fills_all_ten_slots_with_its_members_only()
    {
        var listing = ImportListing.Default with { Filter = ImportFilter.None with { Statuses = ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete) } };
        var parameters = SqlServerImportPageReader.Parameters(new KeysetPageRequest(1, listing, null, 51, 500));

        var slots = parameters.Where(p => p.Name.StartsWith("status_", StringComparison.Ordinal)).Select(p => (ImportStatus)(byte)p.Value!).ToArray();

        Assert.That(slots, Has.Length.EqualTo(10));
        Assert.That(slots.Distinct(), Is.EquivalentTo(new[] { ImportStatus.Failed, ImportStatus.Complete }));
    }

    [Test]
    public void The_caller_lookup_sends_the_token_as_sized_ansi_and_the_hash_as_sized_binary()
    {
        var parameters = SqlServerCallerAccessReader.Parameters(ApiKeyHash.Compute("key"), "acct-token").ToDictionary(p => p.Name);
        var (_, variables, _) = Parse(SqlServerCallerAccessReader.Sql);

        Assert.That(variables, Is.EquivalentTo(parameters.Keys));
        Assert.That(parameters["account_token"], Is.EqualTo(new TypedParameter("account_token", "acct-token", DbType.AnsiString, SqlServerColumnLengths.AccountToken)));
        Assert.That(parameters["key_hash"].Type, Is.EqualTo(DbType.Binary));
        Assert.That(parameters["key_hash"].Size, Is.EqualTo(32));
    }

    [TestCase("demo-account-tökén")]
    [TestCase("x")]
    public void A_token_varchar_cannot_hold_is_sent_as_null_so_it_matches_no_account_instead_of_a_mangled_one(string token)
    {
        var tooLongOrNotAscii = token.Length == 1 ? token + new string('x', SqlServerColumnLengths.AccountToken) : token;

        var parameter = SqlServerCallerAccessReader.Parameters(ApiKeyHash.Compute("key"), tooLongOrNotAscii).Single(p => p.Name == "account_token");

        Assert.That(parameter.Value, Is.Null);
        Assert.That(parameter.Type, Is.EqualTo(DbType.AnsiString));
    }

    [Test]
    public void Bulk_loaded_demo_rows_carry_the_column_types()
    {
        var rows = Infrastructure.Seeding.DemoImportGenerator.Generate(3, 1, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var table = SqlServerDemoDataSeeder.ImportsTable(7, rows);

        Assert.That(table.Columns.Cast<DataColumn>().Select(c => (c.ColumnName, c.DataType)), Is.EqualTo(new[]
        {
            ("account_id", typeof(long)), ("type", typeof(string)), ("status", typeof(byte)), ("file_name", typeof(string)), ("file_size", typeof(long)),
            ("note", typeof(string)), ("completed_at", typeof(DateTime)), ("created_at", typeof(DateTime)), ("updated_at", typeof(DateTime)),
        }));
        Assert.That(table.Rows, Has.Count.EqualTo(3));
    }

    [Test]
    public void The_migrators_own_statements_parse_and_name_exactly_their_parameters()
    {
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [SqlServerDatabaseMigrator.CreateDatabaseStatement] = ["name"],
            [SqlServerDatabaseMigrator.AcquireMigrationLock] = ["lock_resource", "lock_timeout_ms"],
            [SqlServerDatabaseMigrator.ReleaseMigrationLock] = ["lock_resource"],
            [ReadCommittedSnapshotCheck.Sql] = [],
        };

        Assert.That(SqlServerDatabaseMigrator.Statements, Is.EquivalentTo(expected.Keys));
        foreach (var (sql, parameters) in expected)
        {
            var (errors, variables, fragment) = Parse(sql);
            var calls = new ProcedureCallCollector();
            fragment.Accept(calls);

            // A procedure's own parameter names (@Resource = …) are not values the command supplies.
            Assert.That(errors, Is.Empty, sql);
            Assert.That(variables.Except(calls.ParameterNames, StringComparer.Ordinal), Is.EquivalentTo(parameters), sql);
        }
    }

    [Test]
    public void A_database_the_service_creates_gets_read_committed_snapshot_right_after_create()
    {
        var create = SqlServerDatabaseMigrator.CreateDatabaseStatement;
        var (_, _, fragment) = Parse(create);
        var calls = new ProcedureCallCollector();
        fragment.Accept(calls);

        // The dynamic statements as QUOTENAME renders them for a database called imports.
        var createDatabase = Parse("CREATE DATABASE [imports];");
        var enableSnapshot = Parse("ALTER DATABASE [imports]" + SqlServerDatabaseMigrator.EnableReadCommittedSnapshot);
        var options = new DatabaseOptionCollector();
        enableSnapshot.Fragment.Accept(options);

        Assert.That(createDatabase.Errors, Is.Empty);
        Assert.That(enableSnapshot.Errors, Is.Empty);
        Assert.That(options.Options, Is.EqualTo(new[] { "ReadCommittedSnapshot=On" }));
        Assert.That(calls.Procedures, Is.EqualTo(new[] { "sys.sp_executesql", "sys.sp_executesql" }), "CREATE, then ALTER … SET READ_COMMITTED_SNAPSHOT ON");
        Assert.That(create.IndexOf("CREATE DATABASE", StringComparison.Ordinal), Is.LessThan(create.IndexOf("ALTER DATABASE", StringComparison.Ordinal)));
        Assert.That(create, Does.Contain("IF ERROR_NUMBER() <> 1801 THROW;"), "a database another instance created a moment ago is not an error");
    }

    [Test]
    public void Migrations_run_under_an_exclusive_session_application_lock()
    {
        var (_, _, acquire) = Parse(SqlServerDatabaseMigrator.AcquireMigrationLock);
        var (_, _, release) = Parse(SqlServerDatabaseMigrator.ReleaseMigrationLock);
        var acquired = new ProcedureCallCollector();
        var released = new ProcedureCallCollector();
        acquire.Accept(acquired);
        release.Accept(released);

        Assert.That(acquired.Procedures, Is.EqualTo(new[] { "sys.sp_getapplock" }));
        Assert.That(acquired.Arguments, Is.SupersetOf(new[] { "@LockMode=N'Exclusive'", "@LockOwner=N'Session'", "@Resource=@lock_resource", "@LockTimeout=@lock_timeout_ms" }));
        Assert.That(released.Procedures, Is.EqualTo(new[] { "sys.sp_releaseapplock" }));
        Assert.That(released.Arguments, Is.SupersetOf(new[] { "@LockOwner=N'Session'", "@Resource=@lock_resource" }));
    }

    [Test]
    public void The_ready_probe_reads_read_committed_snapshot_of_the_connected_database()
    {
        var (errors, variables, _) = Parse(SqlServerDatabaseProbe.Sql);

        Assert.That(errors, Is.Empty);
        Assert.That(variables, Is.Empty);
        Assert.That(SqlServerDatabaseProbe.Sql, Does.Contain("is_read_committed_snapshot_on").And.Contain("FROM sys.databases WHERE database_id = DB_ID()"));
    }

    [Test]
    public void The_seeder_resets_the_isolation_level_its_serializable_transaction_leaves_on_the_session()
    {
        var (errors, _, fragment) = Parse(SqlServerDemoDataSeeder.ResetIsolationLevel);
        var statement = fragment is TSqlScript script ? script.Batches.Single().Statements.Single() : null;

        Assert.That(errors, Is.Empty);
        Assert.That(statement, Is.TypeOf<SetTransactionIsolationLevelStatement>().With.Property(nameof(SetTransactionIsolationLevelStatement.Level)).EqualTo(Microsoft.SqlServer.TransactSql.ScriptDom.IsolationLevel.ReadCommitted));
        Assert.That(SqlServerDemoDataSeeder.Statements, Does.Contain(SqlServerDemoDataSeeder.ResetIsolationLevel));
    }

    [Test]
    public void The_peppered_caller_lookup_parses_and_sends_four_sized_binary_hashes_and_the_token()
    {
        var lookup = ApiKeyLookup.FromHashes(ApiKeyHashScheme.HmacSha256, [new byte[32], Enumerable.Repeat((byte)7, 32).ToArray()]);
        var parameters = SqlServerCallerAccessReader.Parameters(lookup, "acct-token").ToDictionary(p => p.Name);
        var (errors, variables, _) = Parse(SqlServerCallerAccessReader.PepperedSql);

        Assert.That(errors, Is.Empty);
        Assert.That(variables, Is.EquivalentTo(parameters.Keys));
        Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "key_hash_0", "key_hash_1", "key_hash_2", "key_hash_3", "account_token" }));
        foreach (var slot in Enumerable.Range(0, 4).Select(i => parameters[$"key_hash_{i}"]))
        {
            Assert.That((slot.Type, slot.Size), Is.EqualTo((DbType.Binary, (int?)SqlServerColumnLengths.KeyHash)), slot.Name);
        }

        Assert.That(parameters["key_hash_3"].Value, Is.EqualTo(lookup.Hashes[1]), "the last hash fills the spare slots");
        Assert.That(SqlServerCallerAccessReader.PepperedSql, Does.Contain("k.key_hash IN (@key_hash_0, @key_hash_1, @key_hash_2, @key_hash_3) AND k.hash_scheme = 1 AND k.revoked_at IS NULL"));
        Assert.That(SqlServerCallerAccessReader.Sql, Does.Contain("k.key_hash = @key_hash AND k.hash_scheme = 0 AND k.revoked_at IS NULL"));
    }

    [Test]
    public void The_key_writer_statements_parse_and_the_key_row_is_typed_as_its_columns()
    {
        foreach (var sql in SqlServerApiKeyWriter.Statements)
        {
            Assert.That(Parse(sql).Errors, Is.Empty, sql);
        }

        var key = new Application.Access.CreateApiKey.NewApiKey("acct", "user", new byte[32], ApiKeyHashScheme.HmacSha256, true);
        var parameters = SqlServerApiKeyWriter.KeyParameters(5, key, new DateTime(2025, 1, 2, 3, 4, 5, 678, 901, DateTimeKind.Utc)).ToDictionary(p => p.Name);

        Assert.That(Parse(SqlServerApiKeyWriter.InsertKey).Variables, Is.EquivalentTo(parameters.Keys));
        Assert.That(parameters["hash_scheme"], Is.EqualTo(new TypedParameter("hash_scheme", (byte)1, DbType.Byte)));
        Assert.That((parameters["key_hash"].Type, parameters["key_hash"].Size), Is.EqualTo((DbType.Binary, (int?)32)));
        Assert.That((parameters["created_at"].Type, parameters["created_at"].Scale), Is.EqualTo((DbType.DateTime2, (byte?)6)));
        Assert.That(parameters["user_id"].Type, Is.EqualTo(DbType.Int64));
    }

    [Test]
    public void The_key_revocations_parse_and_name_exactly_their_parameters()
    {
        var lookup = ApiKeyLookup.Sha256("demo-api-key");
        var byHash = SqlServerApiKeyRevoker.Parameters(lookup, DateTime.UtcNow).ToDictionary(p => p.Name);
        var byId = SqlServerApiKeyRevoker.Parameters(42, DateTime.UtcNow).ToDictionary(p => p.Name);

        Assert.That(Parse(SqlServerApiKeyRevoker.RevokeByHash).Errors, Is.Empty);
        Assert.That(Parse(SqlServerApiKeyRevoker.RevokeById).Errors, Is.Empty);
        Assert.That(Parse(SqlServerApiKeyRevoker.RevokeByHash).Variables, Is.EquivalentTo(byHash.Keys));
        Assert.That(Parse(SqlServerApiKeyRevoker.RevokeById).Variables, Is.EquivalentTo(byId.Keys));
        Assert.That(byHash["hash_scheme"], Is.EqualTo(new TypedParameter("hash_scheme", (byte)0, DbType.Byte)));
        Assert.That((byHash["revoked_at"].Type, byHash["revoked_at"].Scale), Is.EqualTo((DbType.DateTime2, (byte?)6)));
        Assert.That(byId["id"].Type, Is.EqualTo(DbType.Int64));
        Assert.That(SqlServerApiKeyRevoker.RevokeByHash, Does.Contain("AND revoked_at IS NULL"), "revoking twice changes nothing");
    }

    [Test]
    public void Migration_0005_adds_the_scheme_defaulting_to_sha256_and_keeps_authentication_one_covering_seek()
    {
        var script = SqlServerDatabaseMigrator.Scripts().Single(s => s.Name.EndsWith("0005_api_key_hash_scheme.sql", StringComparison.Ordinal)).Contents;
        var (errors, _, fragment) = Parse(script);
        var indexes = new IndexCollector();
        fragment.Accept(indexes);
        var added = fragment is TSqlScript tsql
            ? tsql.Batches.SelectMany(b => b.Statements).OfType<AlterTableAddTableElementStatement>().SelectMany(a => a.Definition.ColumnDefinitions).Single()
            : null;

        Assert.That(errors, Is.Empty);
        Assert.That(added!.ColumnIdentifier.Value, Is.EqualTo("hash_scheme"));
        Assert.That(((SqlDataTypeReference)added.DataType).SqlDataTypeOption, Is.EqualTo(SqlDataTypeOption.TinyInt));
        Assert.That(added.DefaultConstraint?.Expression, Is.InstanceOf<ParenthesisExpression>().Or.InstanceOf<IntegerLiteral>());
        Assert.That(script, Does.Contain("DEFAULT (0)").And.Contain("CHECK (hash_scheme IN (0, 1))"));
        Assert.That(indexes.Nonclustered, Is.EqualTo(new[] { "key_hash INCLUDE user_id, revoked_at, api_version, hash_scheme" }));
        Assert.That(script, Does.Contain("DROP_EXISTING = ON"), "replaces ux_api_keys_key_hash of 0001");
    }

    private static IReadOnlyList<string> SeekStatements(KeysetQueryShape shape)
    {
        var (page, count) = SqlServerKeysetSql.Seek(shape);
        return [page, count];
    }

    /// <summary>A request of exactly <paramref name="shape"/>, with values at microsecond precision.</summary>
    private static KeysetPageRequest RequestOf(KeysetQueryShape shape)
    {
        TimestampBound? Bound(BoundOperator? op) => op is { } o ? new TimestampBound(o, Instant) : null;
        var filter = new ImportFilter(
            shape.FiltersStatus ? ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete, ImportStatus.New) : null,
            new TimeRange(Bound(shape.CreatedLower), Bound(shape.CreatedUpper)),
            new TimeRange(Bound(shape.UpdatedLower), Bound(shape.UpdatedUpper)));
        var listing = new ImportListing(filter, new ImportSort(shape.SortKey, shape.Direction));
        KeysetPosition? after = shape.HasPosition ? new KeysetPosition(shape.SortKey == ImportSortKey.Id ? null : Instant, 42) : null;
        return new KeysetPageRequest(1, listing, after, 51, 500);
    }

    /// <summary>Each read of imports in a page statement: its source, its WHERE and its ORDER BY (one, or one per status arm).</summary>
    private static readonly Regex PageReads = new(
        @"FROM (?<from>(?<zones>dbo\.import_(?:status_)?id_zones AS outer_zone WITH \(FORCESEEK\) INNER LOOP JOIN dbo\.import_(?:status_)?id_zones AS inner_zone WITH \(FORCESEEK\) ON inner_zone\.account_id = outer_zone\.account_id INNER LOOP JOIN )?(?<source>dbo\.imports WITH \(INDEX \(\w+\), FORCESEEK\))(?: ON imports\.account_id = inner_zone\.account_id)?)\s+(?<where>WHERE .+?)\s+(?<order>ORDER BY (?:outer_zone\.zone_no \w+, inner_zone\.zone_no \w+, )?\w+ (?:ASC|DESC)(?:, id (?:ASC|DESC))?)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string Spaced(string sql) => Regex.Replace(sql, @"\s+", " ");

    /// <summary>Parses with the SQL Server 2022 grammar; returns the errors and the variables referenced but not declared.</summary>
    private static (IReadOnlyList<string> Errors, HashSet<string> Variables, TSqlFragment Fragment) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        var variables = new VariableCollector();
        fragment.Accept(variables);
        var referenced = variables.Referenced.Except(variables.Declared, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (errors.Select(e => $"line {e.Line}: {e.Message}").ToArray(), referenced, fragment);
    }

    /// <summary>Each reference to the imports table: the index its hint names (null without one) and whether it forces a seek.</summary>
    private static List<(string? Index, bool ForceSeek)> ReadsOfImports(string sql)
    {
        var (errors, _, fragment) = Parse(sql);
        Assert.That(errors, Is.Empty, sql);
        var reads = new ImportsReads();
        fragment.Accept(reads);
        return reads.Reads;
    }

    private sealed class ImportsReads : TSqlFragmentVisitor
    {
        public List<(string? Index, bool ForceSeek)> Reads { get; } = [];

        public override void Visit(NamedTableReference node)
        {
            if (node.SchemaObject.BaseIdentifier.Value != "imports")
            {
                return;
            }

            var indexes = node.TableHints.OfType<IndexTableHint>().SelectMany(h => h.IndexValues).Select(v => v.Identifier?.Value).ToArray();
            Reads.Add((indexes.Length == 1 ? indexes[0] : null, node.TableHints.Any(h => h.HintKind == TableHintKind.ForceSeek)));
        }
    }

    private sealed record SchemaIndex(bool Clustered, bool PrimaryKey, string Keys, string Included);

    /// <summary>Replays every migration's DDL on imports (creates, adds, drops) and returns the indexes and CHECKs left.</summary>
    private static (Dictionary<string, SchemaIndex> Indexes, Dictionary<string, string> Checks) ImportsSchemaAfterMigrations()
    {
        var schema = new ImportsSchema();
        foreach (var (_, contents) in SqlServerDatabaseMigrator.Scripts())
        {
            Parse(contents).Fragment.Accept(schema);
        }

        return (schema.Indexes, schema.Checks);
    }

    private sealed class ImportsSchema : TSqlFragmentVisitor
    {
        public Dictionary<string, SchemaIndex> Indexes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Checks { get; } = new(StringComparer.Ordinal);

        public override void Visit(CreateTableStatement node)
        {
            if (IsImports(node.SchemaObjectName))
            {
                Constraints(node.Definition.TableConstraints);
                foreach (var index in node.Definition.Indexes)
                {
                    Indexes[index.Name.Value] = new SchemaIndex(index.IndexType?.IndexTypeKind == IndexTypeKind.Clustered, false, Columns(index.Columns), string.Empty);
                }
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            if (IsImports(node.SchemaObjectName))
            {
                Constraints(node.Definition.TableConstraints);
            }
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            if (IsImports(node.SchemaObjectName))
            {
                foreach (var element in node.AlterTableDropTableElements)
                {
                    Indexes.Remove(element.Name.Value);
                    Checks.Remove(element.Name.Value);
                }
            }
        }

        public override void Visit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>().Where(c => IsImports(c.Object)))
            {
                Indexes.Remove(clause.Index.Value);
            }
        }

        public override void Visit(CreateIndexStatement node)
        {
            if (IsImports(node.OnName))
            {
                var included = string.Join(", ", node.IncludeColumns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value));
                Indexes[node.Name.Value] = new SchemaIndex(node.Clustered == true, false, Columns(node.Columns), included);
            }
        }

        private void Constraints(IEnumerable<ConstraintDefinition> constraints)
        {
            foreach (var constraint in constraints)
            {
                switch (constraint)
                {
                    case UniqueConstraintDefinition key:
                        Indexes[key.ConstraintIdentifier.Value] = new SchemaIndex(key.Clustered == true, key.IsPrimaryKey, Columns(key.Columns), string.Empty);
                        break;
                    case CheckConstraintDefinition check:
                        Checks[check.ConstraintIdentifier.Value] = Text(check.CheckCondition);
                        break;
                }
            }
        }

        private static bool IsImports(SchemaObjectName name) => name.BaseIdentifier.Value == "imports";

        private static string Columns(IEnumerable<ColumnWithSortOrder> columns) =>
            string.Join(", ", columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));

        private static string Text(TSqlFragment fragment) =>
            string.Concat(Enumerable.Range(fragment.FirstTokenIndex, fragment.LastTokenIndex - fragment.FirstTokenIndex + 1).Select(i => fragment.ScriptTokenStream[i].Text));
    }

    private sealed class VariableCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Referenced { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableReference node) => Referenced.Add(node.Name.TrimStart('@'));

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value.TrimStart('@'));
    }

    private sealed class SelectAliasCollector : TSqlFragmentVisitor
    {
        public List<string> Aliases { get; } = [];

        public override void Visit(SelectScalarExpression node) => Aliases.Add(node.ColumnName?.Value ?? "(no alias)");
    }

    /// <summary>Every sized column of every CREATE TABLE, as <c>table.column</c> → <c>type(length)</c>.</summary>
    private sealed class ColumnCollector : TSqlFragmentVisitor
    {
        public Dictionary<string, string> Lengths { get; } = new(StringComparer.Ordinal);

        public override void Visit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                if (column.DataType is SqlDataTypeReference { Parameters.Count: 1 } type)
                {
                    Lengths[$"{table}.{column.ColumnIdentifier.Value}"] = $"{type.Name.BaseIdentifier.Value}({type.Parameters[0].Value})";
                }
            }
        }
    }

    /// <summary>Every EXEC of a procedure, with its named arguments as written (<c>@Name=value</c>).</summary>
    private sealed class ProcedureCallCollector : TSqlFragmentVisitor
    {
        public List<string> Procedures { get; } = [];

        public List<string> Arguments { get; } = [];

        public HashSet<string> ParameterNames { get; } = new(StringComparer.Ordinal);

        public override void Visit(ExecutableProcedureReference node)
        {
            var name = node.ProcedureReference?.ProcedureReference?.Name;
            if (name is null)
            {
                return;
            }

            Procedures.Add(string.Join('.', name.Identifiers.Select(i => i.Value)));
            foreach (var parameter in node.Parameters)
            {
                var value = parameter.ParameterValue switch
                {
                    StringLiteral { IsNational: true } literal => $"N'{literal.Value}'",
                    StringLiteral literal => $"'{literal.Value}'",
                    VariableReference variable => variable.Name,
                    var other => other.GetType().Name,
                };
                Arguments.Add($"{parameter.Variable?.Name}={value}");
                if (parameter.Variable is { } named)
                {
                    ParameterNames.Add(named.Name.TrimStart('@'));
                }
            }
        }
    }

    /// <summary>The options of ALTER DATABASE … SET, as <c>Kind=State</c>.</summary>
    private sealed class DatabaseOptionCollector : TSqlFragmentVisitor
    {
        public List<string> Options { get; } = [];

        public override void Visit(OnOffDatabaseOption node) => Options.Add($"{node.OptionKind}={node.OptionState}");
    }

    private sealed class IndexCollector : TSqlFragmentVisitor
    {
        public List<string> Clustered { get; } = [];

        public List<string> Nonclustered { get; } = [];

        public override void Visit(IndexDefinition node)
        {
            if (node.IndexType?.IndexTypeKind == IndexTypeKind.Clustered)
            {
                Clustered.Add(string.Join(", ", node.Columns.Select(Column)));
            }
        }

        public override void Visit(CreateIndexStatement node)
        {
            var included = node.IncludeColumns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value);
            (node.Clustered == true ? Clustered : Nonclustered).Add($"{string.Join(", ", node.Columns.Select(Column))} INCLUDE {string.Join(", ", included)}");
        }

        private static string Column(ColumnWithSortOrder column) => column.Column.MultiPartIdentifier.Identifiers[^1].Value;
    }
}
