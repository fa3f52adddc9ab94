using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Database;
using ImportsService.IntegrationTests.Support;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// A database with keys stored before migration 0005 (plain SHA-256, no hash_scheme column): migrating it
/// marks them SHA-256 and they keep authenticating.
/// </summary>
internal sealed class SqliteApiKeySchemeMigrationTests : SqliteFileTest
{
    [Test]
    public async Task Keys_stored_before_0005_are_marked_sha256_and_still_authenticate()
    {
        ApplyScriptsBefore("0005");
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO accounts (id, token, name) VALUES (1, 'acct-token', 'Acct');
                INSERT INTO users (id, name) VALUES (7, 'old user');
                INSERT INTO api_keys (user_id, key_hash, created_at) VALUES (7, @hash, 0);
                INSERT INTO memberships (account_id, user_id, can_read_imports) VALUES (1, 7, 1);
                """, new { hash = ApiKeyHash.Compute("key-from-the-last-release") });
        }

        await using var services = Services();
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT hash_scheme FROM api_keys WHERE user_id = 7;"), Is.EqualTo((long)ApiKeyHashScheme.Sha256));
        }

        await using var scope = services.CreateAsyncScope();
        var caller = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResolveCallerQuery("key-from-the-last-release", "acct-token"));
        Assert.That(caller, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, 7, 1)));
    }

    [Test]
    public async Task The_schema_refuses_an_unknown_hash_scheme()
    {
        await using var services = Services();
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.ExecuteAsync("INSERT INTO users (id, name) VALUES (1, 'u');");

        Assert.That(
            async () => await connection.ExecuteAsync("INSERT INTO api_keys (user_id, key_hash, hash_scheme, created_at) VALUES (1, zeroblob(32), 2, 0);"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
    }
}
