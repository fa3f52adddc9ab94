using ImportsService.Application.Versioning;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Application.Versioning;

public sealed class ApiReleasesTests
{
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly ApiReleases Three = new([new DateOnly(2025, 6, 1), First, new DateOnly(2024, 9, 1)]);

    [Test]
    public void The_first_release_is_2024_01_01_and_the_shipped_list_starts_there()
    {
        Assert.That(ApiReleases.First, Is.EqualTo(First));
        Assert.That(ApiReleases.Shipped[0], Is.EqualTo(First));
        Assert.That(ApiReleases.Shipped, Is.Ordered.And.Unique);
    }

    [TestCase("2024-01-01", "2024-01-01")]
    [TestCase("2024-03-15", "2024-01-01")]
    [TestCase("2024-08-31", "2024-01-01")]
    [TestCase("2024-09-01", "2024-09-01")]
    [TestCase("2025-05-05", "2024-09-01")]
    [TestCase("2025-06-01", "2025-06-01")]
    [TestCase("2030-01-01", "2025-06-01")]
    public void A_date_resolves_to_the_newest_release_on_or_before_it(string date, string release)
    {
        Assert.That(Three.Resolve(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(DateOnly.Parse(release, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void No_date_or_one_before_the_first_release_is_the_first_release()
    {
        Assert.That(Three.Resolve(null), Is.EqualTo(First));
        Assert.That(Three.Resolve(new DateOnly(2023, 12, 31)), Is.EqualTo(First));
    }

    [Test]
    public void Releases_are_kept_in_order_without_duplicates_and_the_newest_is_the_last()
    {
        var releases = new ApiReleases([new DateOnly(2025, 6, 1), First, new DateOnly(2025, 6, 1)]);

        Assert.That(releases.Dates, Is.EqualTo(new[] { First, new DateOnly(2025, 6, 1) }));
        Assert.That(releases.Newest, Is.EqualTo(new DateOnly(2025, 6, 1)));
    }

    [Test]
    public void Releases_must_start_at_the_first_release()
    {
        Assert.That(() => new ApiReleases([]), Throws.ArgumentException);
        Assert.That(() => new ApiReleases([new DateOnly(2023, 6, 1), First]), Throws.ArgumentException);
        Assert.That(() => new ApiReleases([new DateOnly(2024, 6, 1)]), Throws.ArgumentException);
    }

    [Test]
    public void The_service_collection_holds_the_shipped_releases_and_any_a_host_adds()
    {
        var later = new DateOnly(2025, 1, 1);
        using var provider = new ServiceCollection().AddApiReleases().AddApiRelease(later).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ApiReleases>().Dates, Is.EqualTo(ApiReleases.Shipped.Append(later).ToArray()));
    }
}
