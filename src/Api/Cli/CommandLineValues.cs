using System.CommandLine.Parsing;
using System.Globalization;

namespace ImportsService.Api.Cli;

/// <summary>Option values parsed strictly, with an error that says what the option takes.</summary>
internal static class CommandLineValues
{
    /// <summary>
    /// Digits only (no sign, spaces or separators, as before the parser was a library), within the range; otherwise
    /// an error naming the option and the range, and the default value, which is never used.
    /// </summary>
    public static int WholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var value = WholeNumber(result, option, min, (long)max);
        return (int)value;
    }

    public static long WholeNumber(ArgumentResult result, string option, long min, long max)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == long.MaxValue && min == 1 ? "a positive whole number" : string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:N0} to {max:N0}");
        result.AddError($"{option} takes {range}, not '{text}'.");
        return min;
    }

    /// <summary>A value that is not blank: an empty account token or name is a mistake in a script, not a choice.</summary>
    public static string NotBlank(ArgumentResult result, string option)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{option} takes a value that is not blank.");
        }

        return text;
    }
}
