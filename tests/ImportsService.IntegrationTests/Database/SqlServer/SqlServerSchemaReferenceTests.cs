using ImportsService.Infrastructure.Access.CreateApiKey;
using ImportsService.Infrastructure.Access.ResolveCaller;
using ImportsService.Infrastructure.Access.RevokeApiKey;
using ImportsService.Infrastructure.Imports.GetImport;
using ImportsService.Infrastructure.SqlServer;
using ImportsService.IntegrationTests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImportsService.IntegrationTests.Database.SqlServer;

/// <summary>
/// What parsing cannot prove and no server here can: every table, column, index, constraint and trigger the SQL Server
/// statements and migration scripts name exists in the schema the migrations build. The schema is replayed from the
/// scripts with ScriptDom, in order, and each script is checked against the schema as the scripts before it left it.
/// </summary>
internal sealed class SqlServerSchemaReferenceTests
{
    [Test]
    public void Every_name_in_the_migration_scripts_exists_when_its_script_runs()
    {
        var schema = new Schema();
        var problems = new List<string>();
        foreach (var (name, contents) in SqlServerDatabaseMigrator.Scripts())
        {
            problems.AddRange(References.Check(Parse(contents), schema, replay: true).Select(problem => $"{name}: {problem}"));
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Every_name_in_the_statements_the_service_sends_exists_in_the_migrated_schema()
    {
        var schema = Migrated();
        var statements = new List<(string Name, string Sql)>
        {
            ("caller access", SqlServerCallerAccessReader.Sql),
            ("peppered caller access", SqlServerCallerAccessReader.PepperedSql),
            ("import by id", SqlServerImportReader.Sql),
            ("revoke by hash", SqlServerApiKeyRevoker.RevokeByHash),
            ("revoke by id", SqlServerApiKeyRevoker.RevokeById),
        };
        statements.AddRange(SqlServerApiKeyWriter.Statements.Select(sql => ("key writer", sql)));
        statements.AddRange(SqlServerDemoDataSeeder.Statements.Select(sql => ("seeder", sql)));
        statements.AddRange(KeysetQueryShapes.All().Select(shape => (shape.ToString(), SqlServerKeysetSql.For(shape))));

        var problems = statements.SelectMany(s => References.Check(Parse(s.Sql), schema).Select(problem => $"{s.Name}: {problem}")).Distinct().ToArray();

        Assert.That(statements, Has.Count.GreaterThan(1944));
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Test]
    public void The_creation_order_marks_trigger_and_tables_exist_after_the_migrations_as_the_keyset_batches_name_them()
    {
        var schema = Migrated();

        Assert.That(schema.Triggers, Does.ContainKey("tr_imports_created_marks").WithValue("imports"));
        Assert.That(schema.Tables["import_created_suffix_minima"].Columns, Is.EquivalentTo(new[] { "account_id", "id", "created_at" }));
        Assert.That(schema.Tables["import_created_suffix_minima"].Indexes, Does.Contain("ix_import_created_suffix_minima_created_at").And.Contain("pk_import_created_suffix_minima"));
        Assert.That(schema.Tables["import_created_prefix_maxima"].Indexes, Does.Contain("ix_import_created_prefix_maxima_created_at").And.Contain("pk_import_created_prefix_maxima"));
        Assert.That(schema.Tables["imports"].Constraints, Does.Contain("ck_imports_created_not_after_updated"));
    }

    [TestCase("SELECT missing_column FROM dbo.imports;", "column missing_column")]
    [TestCase("SELECT i.id FROM dbo.imports AS i WHERE i.created_on > 0;", "column i.created_on")]
    [TestCase("SELECT id FROM dbo.no_such_table;", "table no_such_table")]
    [TestCase("SELECT id FROM dbo.imports WITH (INDEX (ix_no_such_index), FORCESEEK);", "index ix_no_such_index")]
    [TestCase("CREATE INDEX ix_new ON dbo.imports (account_id, no_such_column);", "column no_such_column")]
    [TestCase("DROP INDEX ix_no_such_index ON dbo.imports;", "index ix_no_such_index")]
    [TestCase("ALTER TABLE dbo.imports DROP CONSTRAINT ck_no_such_check;", "constraint ck_no_such_check")]
    public void Control_a_statement_naming_something_the_schema_lacks_is_reported(string sql, string reported)
    {
        var problems = References.Check(Parse(sql), Migrated());

        Assert.That(problems, Has.Some.Contains(reported));
    }

    private static Schema Migrated()
    {
        var schema = new Schema();
        foreach (var (_, contents) in SqlServerDatabaseMigrator.Scripts())
        {
            Parse(contents).Accept(schema);
        }

        return schema;
    }

    private static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.That(errors, Is.Empty, sql);
        return fragment;
    }

    private static string Last(MultiPartIdentifier name) => name.Identifiers[^1].Value;

    private sealed record Table(HashSet<string> Columns, HashSet<string> Indexes, HashSet<string> Constraints);

    /// <summary>The tables (their columns, indexes and constraints) and triggers the scripts visited so far leave.</summary>
    private sealed class Schema : TSqlFragmentVisitor
    {
        public Dictionary<string, Table> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Triggers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node)
        {
            var table = new Table(
                node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToHashSet(StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = table;
            AddConstraints(table, node.Definition.TableConstraints.Concat(node.Definition.ColumnDefinitions.SelectMany(c => c.Constraints)));
            foreach (var index in node.Definition.Indexes)
            {
                table.Indexes.Add(index.Name.Value);
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            if (Tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var table))
            {
                foreach (var column in node.Definition.ColumnDefinitions)
                {
                    table.Columns.Add(column.ColumnIdentifier.Value);
                }

                AddConstraints(table, node.Definition.TableConstraints.Concat(node.Definition.ColumnDefinitions.SelectMany(c => c.Constraints)));
            }
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            if (Tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var table))
            {
                foreach (var element in node.AlterTableDropTableElements)
                {
                    table.Indexes.Remove(element.Name.Value);
                    table.Constraints.Remove(element.Name.Value);
                    table.Columns.Remove(element.Name.Value);
                }
            }
        }

        public override void Visit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
            {
                if (Tables.TryGetValue(clause.Object.BaseIdentifier.Value, out var table))
                {
                    table.Indexes.Remove(clause.Index.Value);
                }
            }
        }

        public override void Visit(CreateIndexStatement node)
        {
            if (Tables.TryGetValue(node.OnName.BaseIdentifier.Value, out var table))
            {
                table.Indexes.Add(node.Name.Value);
            }
        }

        public override void Visit(CreateTriggerStatement node) => Triggers[node.Name.BaseIdentifier.Value] = node.TriggerObject.Name.BaseIdentifier.Value;

        private static void AddConstraints(Table table, IEnumerable<ConstraintDefinition> constraints)
        {
            foreach (var constraint in constraints.Where(c => c.ConstraintIdentifier is not null))
            {
                table.Constraints.Add(constraint.ConstraintIdentifier.Value);
                if (constraint is UniqueConstraintDefinition)
                {
                    // A key is also an index (FORCESEEK and INDEX hints name it).
                    table.Indexes.Add(constraint.ConstraintIdentifier.Value);
                }
            }
        }
    }

    /// <summary>
    /// The names one parsed script uses, checked against a schema. A column named with its table's alias must be that
    /// table's; a bare one must be a column of a table the statement reads, or a name the statement itself defines (a
    /// select-list alias, a derived table's column). Inside a trigger, inserted and deleted are its table.
    /// </summary>
    private sealed class References : TSqlFragmentVisitor
    {
        private readonly Schema schema;
        private readonly List<string> problems = [];
        private readonly List<(string? Alias, string Table)> sources = [];
        private readonly HashSet<string> defined = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> derived = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> unresolved = [];
        private readonly List<(MultiPartIdentifier Name, string Where)> columns = [];
        private readonly Dictionary<string, HashSet<string>> variables = new(StringComparer.OrdinalIgnoreCase);
        private string? triggerTable;

        private References(Schema schema) => this.schema = schema;

        /// <param name="replay">Apply each statement to the schema once checked, so the next one sees what it built.</param>
        public static List<string> Check(TSqlFragment script, Schema schema, bool replay = false)
        {
            var references = new References(schema);
            foreach (var statement in Statements(script))
            {
                references.CheckStatement(statement);
                if (replay)
                {
                    statement.Accept(schema);
                }
            }

            return references.problems;
        }

        public override void Visit(CreateTriggerStatement node) => triggerTable = node.TriggerObject.Name.BaseIdentifier.Value;

        public override void Visit(NamedTableReference node)
        {
            var name = node.SchemaObject.BaseIdentifier.Value;
            if (triggerTable is not null && name is "inserted" or "deleted")
            {
                sources.Add((node.Alias?.Value ?? name, triggerTable));
                return;
            }

            if (!schema.Tables.TryGetValue(name, out var table))
            {
                // DELETE m FROM … AS m names its target by an alias, checked once the statement's sources are known.
                unresolved.Add(name);
                return;
            }

            sources.Add((node.Alias?.Value ?? name, name));
            foreach (var index in node.TableHints.OfType<IndexTableHint>().SelectMany(h => h.IndexValues).Select(v => v.Identifier?.Value).OfType<string>())
            {
                if (!table.Indexes.Contains(index))
                {
                    problems.Add($"index {index} on {name}");
                }
            }
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { } name && node.ColumnType == ColumnType.Regular)
            {
                columns.Add((name, "column"));
            }
        }

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value is { } alias)
            {
                defined.Add(alias);
            }
        }

        /// <summary>A table variable is a table of the statement that declares it (a trigger's body is one statement).</summary>
        public override void Visit(DeclareTableVariableBody node) =>
            variables[node.VariableName.Value] = new HashSet<string>(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value), StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableTableReference node)
        {
            if (!variables.ContainsKey(node.Variable.Name))
            {
                problems.Add($"table variable {node.Variable.Name}");
                return;
            }

            sources.Add((node.Alias?.Value ?? node.Variable.Name, node.Variable.Name));
        }

        /// <summary><c>(VALUES …) AS s (zone_size)</c> defines its columns as a derived table does.</summary>
        public override void Visit(InlineDerivedTable node)
        {
            defined.UnionWith(node.Columns.Select(c => c.Value));
            if (node.Alias?.Value is { } alias)
            {
                derived.Add(alias);
            }
        }

        public override void Visit(QueryDerivedTable node)
        {
            defined.UnionWith(node.Columns.Select(c => c.Value));
            if (node.Alias?.Value is { } alias)
            {
                derived.Add(alias);
            }
        }

        public override void Visit(InsertSpecification node)
        {
            if (node.Target is VariableTableReference variable && variables.TryGetValue(variable.Variable.Name, out var declared))
            {
                foreach (var column in node.Columns.Select(c => Last(c.MultiPartIdentifier)).Where(c => !declared.Contains(c)))
                {
                    problems.Add($"column {column} of {variable.Variable.Name}");
                }
            }

            if (node.Target is NamedTableReference target && schema.Tables.TryGetValue(target.SchemaObject.BaseIdentifier.Value, out var table))
            {
                foreach (var column in node.Columns.Select(c => Last(c.MultiPartIdentifier)).Where(c => !table.Columns.Contains(c)))
                {
                    problems.Add($"column {column} of {target.SchemaObject.BaseIdentifier.Value}");
                }
            }
        }

        public override void Visit(CreateIndexStatement node)
        {
            // Bare column names in the statement (a filtered index's WHERE too) are the indexed table's.
            sources.Add((null, node.OnName.BaseIdentifier.Value));
            ColumnsOf(node.OnName, node.Columns.Select(c => c.Column.MultiPartIdentifier).Concat(node.IncludeColumns.Select(c => c.MultiPartIdentifier)));
        }


        public override void Visit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
            {
                if (!schema.Tables.TryGetValue(clause.Object.BaseIdentifier.Value, out var table) || !table.Indexes.Contains(clause.Index.Value))
                {
                    problems.Add($"index {clause.Index.Value} on {clause.Object.BaseIdentifier.Value}");
                }
            }
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            foreach (var element in node.AlterTableDropTableElements)
            {
                var kind = element.TableElementType == TableElementType.Column ? "column" : "constraint";
                if (!schema.Tables.TryGetValue(name, out var table)
                    || !(table.Constraints.Contains(element.Name.Value) || table.Indexes.Contains(element.Name.Value) || table.Columns.Contains(element.Name.Value)))
                {
                    problems.Add($"{kind} {element.Name.Value} of {name}");
                }
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            if (!schema.Tables.ContainsKey(name))
            {
                problems.Add($"table {name}");
                return;
            }

            // A CHECK's bare column names are the altered table's, or a column the statement adds.
            sources.Add((null, name));
            defined.UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));

            foreach (var key in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>())
            {
                ColumnsOf(node.SchemaObjectName, key.Columns.Select(c => c.Column.MultiPartIdentifier));
            }
        }

        public override void Visit(UpdateCall node)
        {
            if (triggerTable is not null && schema.Tables.TryGetValue(triggerTable, out var table) && !table.Columns.Contains(node.Identifier.Value))
            {
                problems.Add($"column {node.Identifier.Value} of {triggerTable}");
            }
        }

        /// <summary>One top-level statement at a time (a trigger's body is its own), so aliases of one do not leak into another.</summary>
        private static IEnumerable<TSqlStatement> Statements(TSqlFragment script) =>
            script is TSqlScript { Batches: var batches } ? batches.SelectMany(b => b.Statements) : [(TSqlStatement)script];

        private void ColumnsOf(SchemaObjectName tableName, IEnumerable<MultiPartIdentifier> names)
        {
            var name = tableName.BaseIdentifier.Value;
            if (!schema.Tables.TryGetValue(name, out var table))
            {
                problems.Add($"table {name}");
                return;
            }

            foreach (var column in names.Select(Last).Where(c => !table.Columns.Contains(c)))
            {
                problems.Add($"column {column} of {name}");
            }
        }

        private HashSet<string> ColumnsOf(string table) => variables.TryGetValue(table, out var declared) ? declared : schema.Tables[table].Columns;

        private void CheckStatement(TSqlStatement statement)
        {
            sources.Clear();
            defined.Clear();
            derived.Clear();
            variables.Clear();
            unresolved.Clear();
            columns.Clear();
            triggerTable = null;
            if (statement is CreateTableStatement)
            {
                return;
            }

            statement.Accept(this);
            problems.AddRange(unresolved.Where(name => !sources.Any(s => string.Equals(s.Alias, name, StringComparison.OrdinalIgnoreCase))).Select(name => $"table {name}"));
            foreach (var (name, _) in columns)
            {
                var column = Last(name);
                if (name.Count >= 2)
                {
                    var qualifier = name.Identifiers[^2].Value;
                    var matches = sources.Where(s => string.Equals(s.Alias, qualifier, StringComparison.OrdinalIgnoreCase)).ToArray();
                    if (matches.Length > 0 && !matches.Any(s => ColumnsOf(s.Table).Contains(column)))
                    {
                        problems.Add($"column {qualifier}.{column}");
                    }
                    else if (matches.Length == 0 && (derived.Contains(qualifier) || qualifier.ToUpperInvariant() is "INSERTED" or "DELETED"))
                    {
                        // A derived table's columns come from the tables it reads; an OUTPUT clause's INSERTED is the row written.
                        if (!defined.Contains(column) && !sources.Any(s => ColumnsOf(s.Table).Contains(column)))
                        {
                            problems.Add($"column {qualifier}.{column}");
                        }
                    }
                    else if (matches.Length == 0 && !defined.Contains(column))
                    {
                        problems.Add($"column {qualifier}.{column} (no table {qualifier})");
                    }
                }
                else if (!defined.Contains(column) && !sources.Any(s => ColumnsOf(s.Table).Contains(column)))
                {
                    problems.Add($"column {column}");
                }
            }
        }
    }
}
