using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Application.Access.ResolveCaller;

public sealed class ResolveCallerHandlerTests : PipelineTest
{
    private const string Key = "a-long-random-api-key";
    private const string AccountToken = "account-token";
    private static readonly byte[] KeyHash = ApiKeyHash.Compute(Key);

    [Test]
    public async Task An_unknown_key_is_unauthenticated()
    {
        var resolution = await Pipeline.Send(new ResolveCallerQuery("no-such-key", AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.Unauthenticated, null, null)));
    }

    [Test]
    public async Task The_store_is_asked_by_the_hash_of_the_key_never_the_key_itself()
    {
        await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(Pipeline.Callers.Lookups, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Callers.Lookups[0].Hash, Is.EqualTo(KeyHash));
            Assert.That(Pipeline.Callers.Lookups[0].AccountToken, Is.EqualTo(AccountToken));
        }
    }

    [Test]
    public async Task A_known_key_for_an_account_it_is_not_a_member_of_is_forbidden()
    {
        Pipeline.Callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, AccountId: null, CanReadImports: false));

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.Forbidden, 11, null)));
    }

    [Test]
    public async Task A_member_without_the_read_imports_permission_is_forbidden_and_learns_no_account_id()
    {
        Pipeline.Callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, AccountId: 5, CanReadImports: false));

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.Forbidden, 11, null)));
    }

    [Test]
    public async Task A_member_with_the_read_imports_permission_may_read_that_accounts_imports()
    {
        Pipeline.Callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, AccountId: 5, CanReadImports: true));

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, 11, 5)));
    }

    [Test]
    public async Task A_row_whose_stored_hash_is_not_the_keys_hash_is_unauthenticated()
    {
        var otherHash = ApiKeyHash.Compute("another-key");
        Pipeline.Callers.AnswerEveryLookupWith = new CallerAccessRow(11, otherHash, AccountId: 5, CanReadImports: true);

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution.Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public async Task A_row_with_a_truncated_stored_hash_is_unauthenticated()
    {
        Pipeline.Callers.AnswerEveryLookupWith = new CallerAccessRow(11, KeyHash[..16], AccountId: 5, CanReadImports: true);

        var resolution = await Pipeline.Send(new ResolveCallerQuery(Key, AccountToken));

        Assert.That(resolution.Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public async Task The_cancellation_token_reaches_the_store()
    {
        var reader = new TokenRecordingCallerAccessReader();
        using var cancellation = new CancellationTokenSource();

        await new ResolveCallerHandler(reader).Handle(new ResolveCallerQuery(Key, AccountToken), cancellation.Token);

        Assert.That(reader.Token, Is.EqualTo(cancellation.Token));
    }

    private sealed class TokenRecordingCallerAccessReader : ICallerAccessReader
    {
        public CancellationToken Token { get; private set; }

        public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            return Task.FromResult<CallerAccessRow?>(null);
        }
    }
}
