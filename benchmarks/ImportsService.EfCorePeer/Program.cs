using System.Globalization;
using Microsoft.EntityFrameworkCore;

// GET /imports?created_gte=2023-06-01&created_lt=2023-07-01&page=1&per_page=50 on the service's SQLite file
// (ConnectionStrings__Imports), for the account in PEER_ACCOUNT_ID (default 1): a total count and one OFFSET page,
// newest id first, as a typical EF Core listing writes it. No authentication or rate limiting: the peer does less
// per request than the service, never more.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddDbContextPool<PeerContext>(options => options.UseSqlite(builder.Configuration.GetConnectionString("Imports")));
var app = builder.Build();
var account = long.Parse(Environment.GetEnvironmentVariable("PEER_ACCOUNT_ID") ?? "1", CultureInfo.InvariantCulture);

app.MapGet("/imports", async (PeerContext db, string? created_gte, string? created_lt, int? page, int? per_page, CancellationToken cancellationToken) =>
{
    var size = Math.Clamp(per_page ?? 50, 1, 100);
    var skip = (Math.Max(page ?? 1, 1) - 1) * size;
    var query = db.Imports.AsNoTracking().Where(i => i.AccountId == account);
    if (created_gte is not null)
    {
        var from = Microseconds(created_gte);
        query = query.Where(i => i.CreatedAt >= from);
    }

    if (created_lt is not null)
    {
        var until = Microseconds(created_lt);
        query = query.Where(i => i.CreatedAt < until);
    }

    var total = await query.CountAsync(cancellationToken);
    var data = await query.OrderByDescending(i => i.Id).Skip(skip).Take(size).ToListAsync(cancellationToken);
    return Results.Ok(new PeerPage(data, total));
});

app.Run();

static long Microseconds(string date) =>
    (DateTime.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) - DateTime.UnixEpoch).Ticks / 10;

internal sealed record PeerPage(IReadOnlyList<PeerImport> Data, int Total);
