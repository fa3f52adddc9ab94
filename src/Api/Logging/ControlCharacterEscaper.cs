using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace ImportsService.Api.Logging;

/// <summary>
/// Rewrites every string a log event carries (request paths and any other client-supplied text, at any
/// depth of a structured value) so that control characters appear escaped as <c>\u000a</c>, <c>\u001b</c>, …:
/// a <c>%0A</c> in a path cannot start a forged log line, nor an <c>ESC</c> drive a terminal. The line and
/// paragraph separators U+2028 and U+2029 are escaped too, and every format character (category Cf: U+202E, U+2066–U+2069,
/// U+200B, U+FEFF, the tag characters beyond the BMP, …), so a line cannot be reordered or hide text on screen;
/// a backslash is doubled only where it would otherwise read as the start of such an escape.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escape(value) is { } escaped)
            {
                (changed ??= []).Add(new LogEventProperty(name, escaped));
            }
        }

        changed?.ForEach(logEvent.AddOrUpdateProperty);
    }

    public static bool NeedsEscaping(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (EscapedUnits(text, i) > 0)
            {
                return true;
            }
        }

        return false;
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var units = EscapedUnits(text, i);
            if (units > 0)
            {
                // A format character beyond the BMP is written as its two UTF-16 units.
                foreach (var unit in text.AsSpan(i, units))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:x4}");
                }

                i += units - 1;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] == 'u')
            {
                builder.Append(@"\\"); // a literal "\u" the client sent cannot pass for one of ours
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>How many UTF-16 units from <paramref name="i"/> on are escaped: 0, 1, or 2 for a format character beyond the BMP.</summary>
    private static int EscapedUnits(string text, int i)
    {
        var c = text[i];
        if (c < '\u0080')
        {
            return char.IsControl(c) ? 1 : 0;
        }

        if (char.IsControl(c) || c is '\u2028' or '\u2029' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
        {
            return 1;
        }

        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
               && Rune.GetUnicodeCategory(new Rune(c, text[i + 1])) == UnicodeCategory.Format ? 2 : 0;
    }

    /// <summary>The value with its strings escaped, or null when nothing in it needed escaping.</summary>
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text } when NeedsEscaping(text):
                return new ScalarValue(Escape(text));

            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => Escape(e)).ToArray();
                return elements.All(e => e is null) ? null
                    : new SequenceValue(elements.Select((e, i) => e ?? sequence.Elements[i]));

            case StructureValue structure:
                var properties = structure.Properties.Select(p => Escape(p.Value)).ToArray();
                return properties.All(p => p is null) ? null
                    : new StructureValue(structure.Properties.Select((p, i) => properties[i] is { } escaped ? new LogEventProperty(p.Name, escaped) : p), structure.TypeTag);

            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(kv => (Key: Escape(kv.Key), Value: Escape(kv.Value))).ToArray();
                return entries.All(e => e.Key is null && e.Value is null) ? null
                    : new DictionaryValue(dictionary.Elements.Select((kv, i) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                        entries[i].Key as ScalarValue ?? kv.Key, entries[i].Value ?? kv.Value)));

            default:
                return null;
        }
    }
}
