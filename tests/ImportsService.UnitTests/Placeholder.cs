namespace ImportsService.UnitTests;
