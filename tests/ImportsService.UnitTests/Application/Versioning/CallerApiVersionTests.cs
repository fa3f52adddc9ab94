using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Application.Versioning;

/// <summary>Resolving a caller carries the API release its key is locked to, whenever the key is known.</summary>
public sealed class CallerApiVersionTests : PipelineTest
{
    private const string Key = "a-long-random-api-key";
    private const string AccountToken = "account-token";
    private static readonly byte[] KeyHash = ApiKeyHash.Compute(Key);
    private static readonly DateOnly Locked = new(2024, 1, 1);

    [Test]
    public async Task A_caller_who_may_read_imports_carries_the_keys_version()
    {
        Pipeline.Callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, AccountId: 5, CanReadImports: true, ApiVersion: Locked));

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, 11, 5, Locked)));
    }

    [Test]
    public async Task A_forbidden_caller_carries_the_keys_version_too()
    {
        Pipeline.Callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, AccountId: 5, CanReadImports: false, ApiVersion: Locked));

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.Forbidden, 11, null, Locked)));
    }

    [Test]
    public async Task An_unknown_key_has_no_version()
    {
        var resolution = await Pipeline.Send(new ResolveCallerQuery("no-such-key", AccountToken));

        Assert.That(resolution.ApiVersion, Is.Null);
    }
}
