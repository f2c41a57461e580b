using Formulary.Web.Problems;

namespace Formulary.Web.Tests.Hosting;

public sealed class ProblemCatalogTests
{
    [Theory]
    [InlineData(400, "bad-request")]
    [InlineData(404, "not-found")]
    [InlineData(405, "method-not-allowed")]
    [InlineData(406, "not-acceptable")]
    [InlineData(408, "request-timeout")]
    [InlineData(411, "length-required")]
    [InlineData(413, "body-too-large")]
    [InlineData(415, "unsupported-media-type")]
    [InlineData(429, "too-many-requests")]
    [InlineData(431, "headers-too-large")]
    public void ForStatus_EveryClientFaultKestrelOrAspNetProduces_ItsOwnType(int status, string code)
    {
        var kind = ProblemCatalog.ForStatus(status);

        Assert.Equal((code, status), (kind.Code, kind.Status));
    }

    [Theory]
    [InlineData(409)]
    [InlineData(418)]
    [InlineData(451)]
    public void ForStatus_OtherClientFault_ClientErrorKeepingTheStatusNeverInternal(int status)
    {
        var kind = ProblemCatalog.ForStatus(status);

        Assert.Equal(("client-error", status), (kind.Code, kind.Status));
    }

    [Theory]
    [InlineData(5)] // SQLITE_BUSY: another process held the database past the busy timeout
    [InlineData(6)] // SQLITE_LOCKED
    public void Classify_TransientStoreFailure_StoreUnavailable503NotInternal(int sqliteCode)
    {
        var (kind, _) = RequestExceptionHandler.Classify(new Microsoft.Data.Sqlite.SqliteException("database is locked", sqliteCode));

        Assert.Equal(("store-unavailable", 503), (kind.Code, kind.Status));
    }

    [Fact]
    public void Classify_PermanentStoreFailureOrBug_Internal500()
    {
        Assert.Same(ProblemCatalog.Internal, RequestExceptionHandler.Classify(new Microsoft.Data.Sqlite.SqliteException("database disk image is malformed", 11)).Kind);
        Assert.Same(ProblemCatalog.Internal, RequestExceptionHandler.Classify(new ObjectDisposedException("cache")).Kind);
    }

    [Fact]
    public void All_Codes_UniqueAndDocumented()
    {
        Assert.Equal(ProblemCatalog.All.Count, ProblemCatalog.All.Select(k => k.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ProblemCatalog.All, k => Assert.Same(k, ProblemCatalog.FindByCode(k.Code)));
    }
}
