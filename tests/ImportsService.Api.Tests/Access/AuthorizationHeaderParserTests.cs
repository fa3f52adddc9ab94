using ImportsService.Api.Access;

namespace ImportsService.Api.Tests.Access;

public sealed class AuthorizationHeaderParserTests
{
    [TestCase("Token abc123", "abc123")]
    [TestCase("token abc123", "abc123", TestName = "The scheme name is case-insensitive (token)")]
    [TestCase("TOKEN abc123", "abc123", TestName = "The scheme name is case-insensitive (TOKEN)")]
    [TestCase("Token \t abc123  ", "abc123", TestName = "Whitespace after the scheme and at the end is skipped")]
    [TestCase("Token abc=", "abc=", TestName = "A bare key may end in base64 padding")]
    [TestCase("Bearer abc123", "abc123")]
    [TestCase("bearer abc123", "abc123", TestName = "The Bearer scheme name is case-insensitive")]
    [TestCase("Token token=\"abc123\"", "abc123")]
    [TestCase("Token token=abc123", "abc123")]
    [TestCase("Token TOKEN=abc123", "abc123", TestName = "Parameter names are case-insensitive")]
    [TestCase("Token token = \"abc123\"", "abc123", TestName = "Whitespace around the equals sign")]
    [TestCase("Token token=\"abc123\", nonce=\"def\"", "abc123")]
    [TestCase("Token token=\"abc123\" ,nonce=\"def\" , realm=x", "abc123", TestName = "Whitespace around commas")]
    [TestCase("Token token=abc123, nonce=\"a \\\"quoted\\\" value, with a comma\"", "abc123", TestName = "Another parameter's quoted value may hold escaped quotes and commas")]
    [TestCase("Token token=\"ab\\\"c\"", "ab\"c", TestName = "An escaped quote inside the key is part of it")]
    [TestCase("Token token=\"ab\\\\c\"", "ab\\c", TestName = "An escaped backslash inside the key is one backslash")]
    [TestCase("Token token=\"a\\bc\"", "abc", TestName = "A backslash escapes any character")]
    [TestCase("Token token=abc123, nonce=\"\"", "abc123", TestName = "Another parameter may have an empty quoted value")]
    [TestCase("Token token=abc123, nonce=", "abc123", TestName = "Another parameter may have an empty unquoted value")]
    [TestCase("Token token=abc123,, ,nonce=x,", "abc123", TestName = "Empty list elements are ignored")]
    public void Accepted_forms_yield_the_key(string header, string expected)
    {
        var accepted = AuthorizationHeaderParser.TryReadApiKey(header, out var key);

        Assert.That(accepted, Is.True);
        Assert.That(key, Is.EqualTo(expected));
    }

    [TestCase("", TestName = "Empty header")]
    [TestCase("   ", TestName = "Only whitespace")]
    [TestCase("Token", TestName = "Scheme without a key")]
    [TestCase("Token   ", TestName = "Scheme and whitespace without a key")]
    [TestCase("Bearer", TestName = "Bearer without a key")]
    [TestCase("abc123", TestName = "A key without a scheme")]
    [TestCase("Basic YWxhZGRpbjpvcGVuc2VzYW1l", TestName = "Another scheme")]
    [TestCase("Tokens abc123", TestName = "A scheme that only starts like Token")]
    [TestCase("Token abc123 extra", TestName = "Text after a bare key")]
    [TestCase("Token abc123, nonce=x", TestName = "Parameters after a bare key")]
    [TestCase("Bearer abc123 extra", TestName = "Text after a bearer key")]
    [TestCase("Bearer token=\"abc123\"", TestName = "Bearer takes no parameters")]
    [TestCase("Token token=\"\"", TestName = "Empty quoted key")]
    [TestCase("Token token=", TestName = "Empty unquoted key")]
    [TestCase("Token token=,nonce=x", TestName = "Empty unquoted key before another parameter")]
    [TestCase("Token token=\"abc123", TestName = "Unterminated quoted key")]
    [TestCase("Token token=\"abc123\\", TestName = "Quoted key ending in a lone backslash")]
    [TestCase("Token token=\"abc123\", token=\"def456\"", TestName = "Two token parameters")]
    [TestCase("Token token=abc123, token=abc123", TestName = "Two token parameters even with the same value")]
    [TestCase("Token token=\"abc123\" nonce=\"x\"", TestName = "Parameters without a comma between them")]
    [TestCase("Token token=\"abc123\"x", TestName = "Text straight after a quoted value")]
    [TestCase("Token token=ab\"c\"", TestName = "A quote inside an unquoted value")]
    [TestCase("Token token=abc123, nonce", TestName = "A parameter without an equals sign")]
    [TestCase("Token token=abc123, =x", TestName = "A parameter without a name")]
    [TestCase("Token token=abc123, no(nce=x", TestName = "A parameter name with a separator in it")]
    [TestCase("Token token=\"abc 123\"", TestName = "A quoted key with whitespace")]
    [TestCase("Token token=\"abc\u0001123\"", TestName = "A quoted key with a control character")]
    [TestCase("Token abc\u0001123", TestName = "A bare key with a control character")]
    [TestCase("Token \"abc123\"", TestName = "A quoted key without token=")]
    [TestCase("Token ,token=abc123", TestName = "A comma before a bare key")]
    [TestCase("Token nonce=\"def\", token=\"abc123\"", TestName = "token= must come first, as Rails reads it")]
    public void Malformed_headers_are_refused(string header)
    {
        var accepted = AuthorizationHeaderParser.TryReadApiKey(header, out var key);

        Assert.That(accepted, Is.False);
        Assert.That(key, Is.Empty);
    }

    [Test]
    public void A_missing_header_is_refused() =>
        Assert.That(AuthorizationHeaderParser.TryReadApiKey(null, out _), Is.False);
}
