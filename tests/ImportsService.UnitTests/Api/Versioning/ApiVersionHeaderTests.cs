using ImportsService.Api.Versioning;
using ImportsService.Application.Versioning;

namespace ImportsService.UnitTests.Api.Versioning;

public sealed class ApiVersionHeaderTests
{
    private static readonly ApiReleases Releases = new([new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)]);

    [TestCase("2026-11-29T09:59:00Z", "2026-11-29", true)]
    [TestCase("2026-11-29T09:59:00Z", "2026-11-30", false)]
    [TestCase("2026-11-29T10:00:00Z", "2026-11-30", true)]
    [TestCase("2026-11-29T23:59:00Z", "2026-11-30", true)]
    [TestCase("2026-11-29T23:59:00Z", "2026-12-01", false)]
    public void A_date_is_in_the_future_only_once_it_has_begun_nowhere_on_earth(string now, string date, bool accepted)
    {
        var time = new FixedTime(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var (release, error) = ApiVersionHeader.Read([date], Releases, time);

        Assert.That(error is null, Is.EqualTo(accepted), error);
        Assert.That(release is not null, Is.EqualTo(accepted));
    }

    [Test]
    public void No_header_is_neither_a_release_nor_an_error()
    {
        Assert.That(ApiVersionHeader.Read([], Releases, TimeProvider.System), Is.EqualTo(((DateOnly?)null, (string?)null)));
        Assert.That(ApiVersionHeader.Read([""], Releases, TimeProvider.System), Is.EqualTo(((DateOnly?)null, (string?)null)));
    }

    [Test]
    public void The_messages_list_the_releases()
    {
        var (_, error) = ApiVersionHeader.Read(["soon"], Releases, TimeProvider.System);

        Assert.That(error, Does.Contain("releases: 2024-01-01, 2025-01-01"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
