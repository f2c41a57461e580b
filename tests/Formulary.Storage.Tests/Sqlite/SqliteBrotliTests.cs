using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Parsing;
using Formulary.Storage.Sqlite;

namespace Formulary.Storage.Tests.Sqlite;

/// <summary>
/// What SQLite stores packed reads back as it was given: texts char for char (a leading U+FEFF kept, a NUL made
/// U+FFFD), models field for field, whatever their size against the per-thread buffer they are unpacked into, and a
/// value that is not whole Brotli data is refused, not read as a shorter one.
/// </summary>
public sealed class SqliteBrotliTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(64 * 1024)]
    [InlineData(3 * 1024 * 1024)]
    public void Text_ReadsBackCharForChar_AtEverySize(int length)
    {
        var text = "\uFEFFDosage: 52 mg/m² — µmol/L\r\n" + string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26 * 7 % 26))));

        Assert.Equal(text, SqliteBrotli.UnpackText(SqliteBrotli.PackText(text)));
    }

    [Fact]
    public void Text_WithNul_ReadsBackWithTheReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", SqliteBrotli.UnpackText(SqliteBrotli.PackText("a\0b")));
    }

    [Fact]
    public void Model_ReadsBackFieldForField_BetweenUnpacksOfOtherSizes()
    {
        var path = Path.Combine(RepoPaths.Content, "compositions", "clofarabine.md");
        var monograph = MonographParser.Default.Parse(Collection.Composition, "compositions/clofarabine.md", File.ReadAllBytes(path));
        var packed = SqliteBrotli.PackModel(monograph);
        var large = SqliteBrotli.PackText(new string('x', 2 * 1024 * 1024));

        var first = SqliteBrotli.UnpackModel(packed);
        Assert.Equal(2 * 1024 * 1024, SqliteBrotli.UnpackText(large).Length);
        var second = SqliteBrotli.UnpackModel(packed);

        var expected = JsonSerializer.Serialize(monograph, ModelJson.Options);
        Assert.Equal(expected, JsonSerializer.Serialize(first, ModelJson.Options));
        Assert.Equal(expected, JsonSerializer.Serialize(second, ModelJson.Options));
    }

    [Fact]
    public void Model_PacksTheStoreJson_ForEveryBundledMonograph()
    {
        // The packer writes through the generated code's fast path; what it stores must be the JSON every reader expects.
        var checkedFiles = 0;
        foreach (var collection in Enum.GetValues<Collection>())
        {
            var folder = Path.Combine(RepoPaths.Content, collection.FolderName());
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.md") : [])
            {
                var relative = Path.GetRelativePath(RepoPaths.Content, file);
                var monograph = MonographParser.Default.Parse(collection, relative, File.ReadAllBytes(file));

                Assert.Equal(JsonSerializer.Serialize(monograph, ModelJson.Options), SqliteBrotli.UnpackText(SqliteBrotli.PackModel(monograph)));
                checkedFiles++;
            }
        }

        Assert.True(checkedFiles >= 10, $"only {checkedFiles} bundled monographs found");
    }

    [Fact]
    public void ModelAndSections_StoredUnescapedForHtml_ReadBackAsTheyWere()
    {
        // The store's JSON is not escaped for HTML: markup, quotes and non-ASCII letters are stored as they are.
        var monograph = MonographParser.Default.Parse(Collection.Composition, "compositions/x.md",
            "---\ntitle: Ünïcode's \"drug\"\n---\n## Usage\nGive 52 mg/m² <b>daily</b> & watch µmol/L + ALT.\n"u8.ToArray());
        var sections = Versions.StoredSections.Of(monograph);

        var model = SqliteBrotli.UnpackText(SqliteBrotli.PackModel(monograph));
        var html = SqliteBrotli.UnpackText(SqliteBrotli.PackSections(sections));

        Assert.Contains("Ünïcode's \\\"drug\\\"", model, StringComparison.Ordinal);
        Assert.Contains("52 mg/m² <b>daily</b> & watch µmol/L + ALT.", model, StringComparison.Ordinal);
        Assert.Contains("<p>Give 52 mg/m² <b>daily</b> &amp; watch µmol/L + ALT.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", model + html, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(monograph, ModelJson.Options), JsonSerializer.Serialize(SqliteBrotli.UnpackModel(SqliteBrotli.PackModel(monograph)), ModelJson.Options));
        Assert.Equal(sections.Sections[0].Html, SqliteBrotli.UnpackSections(SqliteBrotli.PackSections(sections)).Sections[0].Html);

        // A model stored by an earlier build, escaped for HTML, reads the same.
        var escaped = JsonSerializer.Serialize(monograph, new JsonSerializerOptions(ModelJson.Options) { Encoder = null });
        Assert.Contains("\\u003Cb\\u003E", escaped, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(monograph, ModelJson.Options), JsonSerializer.Serialize(SqliteBrotli.UnpackModel(SqliteBrotli.PackText(escaped)), ModelJson.Options));
    }

    [Fact]
    public void NotWholeBrotliData_IsRefused()
    {
        var packed = SqliteBrotli.PackText(string.Concat(Enumerable.Repeat("renal impairment ", 1000)));

        Assert.Throws<InvalidDataException>(() => SqliteBrotli.UnpackText(packed[..(packed.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => SqliteBrotli.UnpackText((byte[])[.. packed, .. "trailing"u8.ToArray()]));
        Assert.Throws<InvalidDataException>(() => SqliteBrotli.UnpackText(Encoding.UTF8.GetBytes("plain bytes, never packed")));
    }

    [Fact]
    public void Text_PackedByAnotherEncoder_Reads()
    {
        // Rows written before this build were packed through BrotliStream at other levels; any whole stream reads.
        using var packed = new MemoryStream();
        using (var brotli = new BrotliStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes("folic acid"));
        }

        Assert.Equal("folic acid", SqliteBrotli.UnpackText(packed.ToArray()));
    }
}
