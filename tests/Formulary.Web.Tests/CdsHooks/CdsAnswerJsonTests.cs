using System.Text.Json;
using Formulary.Web.CdsHooks;

namespace Formulary.Web.Tests.CdsHooks;

public sealed class CdsAnswerJsonTests
{
    /// <summary>Text to escape: Markdown, quotes, every control character, non-ASCII a card holds, line and paragraph separators, an astral character, lone surrogates, DEL.</summary>
    private static readonly string Hostile =
        "**Dose** 52 mg/m² × 1.06 m² → 55.1 mg; \"quoted\" back\\slash `code` <b>&amp;</b> 'apostrophe' +1 ≥ ≤ µmol/L 10⁹/L – é ü ñ 中文 \u2028\u2029 😀 \uD800 \uDC00 \u007F \uFEFF \uFFFD"
        + new string([.. Enumerable.Range(0, 32).Select(i => (char)i)]) + "\n\n1. end\n";

    [Fact]
    public void Write_ACardWithEveryMember_GivesTheSerializersBytes()
    {
        using var resource = JsonDocument.Parse("""{"resourceType":"MedicationRequest","id":"o1","note":[{"text":"é \u2028 \"q\""}]}""");
        var response = new CdsResponse(
        [
            new Card
            {
                Uuid = "81a18d3d-fa2d-88fd-a90c-a63a79aaf279",
                Summary = "Clofarabine: 55.1 mg/day IV (52 mg/m² × 1.06 m²) \"x\"",
                Detail = Hostile + string.Concat(Enumerable.Repeat(Hostile, 40)),
                Indicator = "critical",
                Source = new CardSource("Formulary: é", "http://127.0.0.1/composition/x/#dose", new CardCoding("c", "s", "d ²")),
                Suggestions = [new CardSuggestion("Change", "u1", true, [new CardAction("update", "Set ≥", resource.RootElement.Clone()), new CardAction("delete", "x", null)])],
                SelectionBehavior = "at-most-one",
                OverrideReasons = [new CardCoding("a", "urn:x", "A \"b\"")],
                Links = [new CardLink("Open", "http://h/dose?a=1&b=2", "absolute")],
                Kind = "dose",
                Slug = "clofarabine",
            },
            new Card { Uuid = "u2", Summary = "Not checked", Indicator = "info", Source = new CardSource("Formulary", null) },
            new Card { Uuid = "u3", Summary = "s", Detail = string.Empty, Indicator = "info", Source = new CardSource("F", "u"), Suggestions = [new CardSuggestion("l", "u", null, [])] },
        ]);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(response, CdsJson.Options), Written(response));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII text only")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("\uD83D")]
    [InlineData("x\uDE00")]
    [InlineData("\uD83D\uDE00\uD83D")]
    public void Write_ShortAndEdgeTexts_GiveTheSerializersBytes(string detail)
    {
        var response = new CdsResponse([new Card { Uuid = "u", Summary = detail, Detail = detail, Indicator = "info", Source = new CardSource("F", "u") }]);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(response, CdsJson.Options), Written(response));
    }

    private static byte[] Written(CdsResponse response)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = CdsJson.Options.Encoder }))
        {
            CdsAnswerJson.Write(writer, response);
        }

        return stream.ToArray();
    }
}
