namespace ImportsService.Api.Access;

/// <summary>
/// Reads the API key out of an <c>Authorization</c> header value. Pure: no I/O, no state.
/// </summary>
/// <remarks>
/// Accepted (scheme names case-insensitive, SP or HTAB wherever whitespace is allowed):
/// <list type="bullet">
/// <item><c>Token &lt;key&gt;</c> — the key alone;</item>
/// <item><c>Token token="&lt;key&gt;"</c> or <c>Token token=&lt;key&gt;</c>, optionally with further
/// <c>, name="value"</c> or <c>, name=value</c> pairs (the grammar Rails' token authentication reads):
/// whitespace around <c>=</c> and <c>,</c>, quoted strings with backslash escapes (<c>\"</c>, <c>\\</c>),
/// empty list elements ignored, parameter names case-insensitive, other parameters' values ignored;</item>
/// <item><c>Bearer &lt;key&gt;</c>.</item>
/// </list>
/// Anything else is malformed: another scheme, a key with whitespace or control characters, an empty key,
/// <c>token=</c> given twice or not at all, text after a bare key, an unterminated quote, a parameter
/// without <c>=</c>.
/// </remarks>
public static class AuthorizationHeaderParser
{
    private const string TokenScheme = "Token";
    private const string BearerScheme = "Bearer";
    private const string TokenParameter = "token";

    public static bool TryReadApiKey(string? header, out string apiKey)
    {
        apiKey = string.Empty;
        if (header is null)
        {
            return false;
        }

        var text = header.AsSpan().Trim(" \t");
        var schemeEnd = text.IndexOfAny(' ', '\t');
        if (schemeEnd <= 0)
        {
            return false;
        }

        var scheme = text[..schemeEnd];
        var credentials = text[schemeEnd..].TrimStart(" \t");
        string? key;
        if (scheme.Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            key = IsBareKey(credentials) ? credentials.ToString() : null;
        }
        else if (scheme.Equals(TokenScheme, StringComparison.OrdinalIgnoreCase))
        {
            key = StartsWithTokenParameter(credentials) ? ReadTokenParameter(credentials)
                : IsBareKey(credentials) ? credentials.ToString()
                : null;
        }
        else
        {
            key = null;
        }

        if (key is null || !IsUsableKey(key))
        {
            return false;
        }

        apiKey = key;
        return true;
    }

    /// <summary>A key given alone: visible characters only, none of the ones that start parameter syntax.</summary>
    private static bool IsBareKey(ReadOnlySpan<char> credentials) =>
        !credentials.IsEmpty && credentials.IndexOfAny(" \t,\"") < 0 && IsUsableKey(credentials);

    private static bool IsUsableKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>token</c>, optional whitespace, then <c>=</c>: the parameter form.</summary>
    private static bool StartsWithTokenParameter(ReadOnlySpan<char> credentials)
    {
        if (!credentials.StartsWith(TokenParameter, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = credentials[TokenParameter.Length..].TrimStart(" \t");
        return rest.StartsWith('=');
    }

    /// <summary>Parses the whole list of parameters; the value of the one <c>token</c> parameter, or null.</summary>
    private static string? ReadTokenParameter(ReadOnlySpan<char> credentials)
    {
        string? token = null;
        var position = 0;
        while (true)
        {
            position = SkipWhitespace(credentials, position);
            if (position == credentials.Length)
            {
                return token;
            }

            if (credentials[position] == ',')
            {
                position++; // an empty list element
                continue;
            }

            var nameStart = position;
            while (position < credentials.Length && IsNameCharacter(credentials[position]))
            {
                position++;
            }

            if (position == nameStart)
            {
                return null;
            }

            var name = credentials[nameStart..position];
            position = SkipWhitespace(credentials, position);
            if (position == credentials.Length || credentials[position] != '=')
            {
                return null;
            }

            position = SkipWhitespace(credentials, position + 1);
            if (!TryReadValue(credentials, ref position, out var value))
            {
                return null;
            }

            if (name.Equals(TokenParameter, StringComparison.OrdinalIgnoreCase))
            {
                if (token is not null)
                {
                    return null; // two keys: which one is meant cannot be told
                }

                token = value;
            }

            position = SkipWhitespace(credentials, position);
            if (position < credentials.Length && credentials[position] != ',')
            {
                return null;
            }
        }
    }

    private static bool TryReadValue(ReadOnlySpan<char> text, ref int position, out string value)
    {
        value = string.Empty;
        if (position < text.Length && text[position] == '"')
        {
            var builder = new System.Text.StringBuilder();
            for (position++; position < text.Length; position++)
            {
                var c = text[position];
                if (c == '"')
                {
                    position++;
                    value = builder.ToString();
                    return true;
                }

                if (c == '\\')
                {
                    position++;
                    if (position == text.Length)
                    {
                        return false;
                    }

                    c = text[position];
                }

                builder.Append(c);
            }

            return false; // unterminated
        }

        var start = position;
        while (position < text.Length && text[position] is not (' ' or '\t' or ',' or '"'))
        {
            position++;
        }

        // An unquoted value may be empty (name=) but may not run into a quote.
        if (position < text.Length && text[position] == '"')
        {
            return false;
        }

        value = text[start..position].ToString();
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>RFC 9110 tchar: the characters of a parameter name.</summary>
    private static bool IsNameCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
