using ImportsService.Api.Versioning;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Application.Versioning;

namespace ImportsService.UnitTests.Api.Versioning;

public sealed class ResponseFormatsTests
{
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly DateOnly Second = new(2024, 9, 1);
    private static readonly DateOnly Third = new(2025, 6, 1);

    [Test]
    public void A_release_is_served_by_the_latest_format_on_or_before_it()
    {
        var releases = new ApiReleases([First, Second, Third]);
        var formats = new ResponseFormats([new Format(Third), new Format(First)], releases);

        Assert.That(formats.For<ListImportsResult>(First).Since, Is.EqualTo(First));
        Assert.That(formats.For<ListImportsResult>(Second).Since, Is.EqualTo(First), "a release that did not change the imports bodies keeps the previous format");
        Assert.That(formats.For<ListImportsResult>(Third).Since, Is.EqualTo(Third));
    }

    [Test]
    public void Start_up_fails_without_a_format_for_the_first_release()
    {
        Assert.That(() => new ResponseFormats([new Format(Second)], new ApiReleases([First, Second])),
            Throws.InvalidOperationException.With.Message.Contains("2024-01-01"));
    }

    [Test]
    public void Start_up_fails_when_two_formats_claim_one_release_or_a_format_starts_between_releases()
    {
        var releases = new ApiReleases([First, Second]);

        Assert.That(() => new ResponseFormats([new Format(First), new Format(First)], releases), Throws.InvalidOperationException.With.Message.Contains("Two"));
        Assert.That(() => new ResponseFormats([new Format(First), new Format(new DateOnly(2024, 5, 5))], releases),
            Throws.InvalidOperationException.With.Message.Contains("not a release"));
    }

    [Test]
    public void Each_result_has_formats_of_its_own()
    {
        var releases = new ApiReleases([First, Second]);
        var formats = new ResponseFormats([new Format(First), new Format(Second), new OtherFormat(First)], releases);

        Assert.That(formats.For<ListImportsResult>(Second).Since, Is.EqualTo(Second));
        Assert.That(formats.For<GetImportResult>(Second).Since, Is.EqualTo(First), "a release that changed one body leaves the others as they were");
        Assert.That(() => formats.For<string>(First), Throws.InvalidOperationException.With.Message.Contains("No response format"));
    }

    private sealed class Format(DateOnly since) : IResponseFormat<ListImportsResult>
    {
        public DateOnly Since => since;

        public object Write(ListImportsResult result) => since;
    }

    private sealed class OtherFormat(DateOnly since) : IResponseFormat<GetImportResult>
    {
        public DateOnly Since => since;

        public object Write(GetImportResult result) => since;
    }
}
