namespace Formulary.Clinical.Tests.Text;

/// <summary>The builder kept per thread for hot-path text: handed out empty, never twice at once, dropped when grown large.</summary>
public sealed class ThreadTextBuilderTests
{
    [Fact]
    public void Take_AfterFinish_GivesTheSameBuilderEmpty()
    {
        var first = ThreadTextBuilder.Take();
        first.Append("dose");
        Assert.Equal("dose", ThreadTextBuilder.Finish(first));

        var second = ThreadTextBuilder.Take();

        Assert.Same(first, second);
        Assert.Equal(0, second.Length);
        ThreadTextBuilder.Finish(second);
    }

    [Fact]
    public void Take_WhileTheKeptOneIsInUse_GivesAnotherBuilder()
    {
        var outer = ThreadTextBuilder.Take().Append("row: ");
        var inner = ThreadTextBuilder.Take().Append("cell");

        Assert.NotSame(outer, inner);
        Assert.Equal("cell", ThreadTextBuilder.Finish(inner));
        Assert.Equal("row: ", ThreadTextBuilder.Finish(outer)); // the inner text did not land in the outer builder
    }

    [Fact]
    public void Finish_OfARange_GivesThatRange()
    {
        var builder = ThreadTextBuilder.Take().Append("  text  ");
        Assert.Equal("text", ThreadTextBuilder.Finish(builder, 2, 4));
    }

    [Fact]
    public void Finish_OfABuilderGrownPastTheLimit_DoesNotKeepIt()
    {
        var large = ThreadTextBuilder.Take().Append('x', ThreadTextBuilder.MaxKeptCapacity + 1);
        ThreadTextBuilder.Finish(large);

        Assert.NotSame(large, ThreadTextBuilder.Take());
    }

    [Fact]
    public void Take_WithACapacity_GivesAtLeastIt()
    {
        ThreadTextBuilder.Finish(ThreadTextBuilder.Take()); // a small builder is kept first

        var builder = ThreadTextBuilder.Take(8 * 1024);

        Assert.True(builder.Capacity >= 8 * 1024, $"capacity {builder.Capacity}");
        ThreadTextBuilder.Finish(builder);
    }
}
