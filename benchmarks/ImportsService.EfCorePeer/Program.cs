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

internal sealed class PeerContext(DbContextOptions<PeerContext> options) : DbContext(options)
{
    public DbSet<PeerImport> Imports => Set<PeerImport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var import = modelBuilder.Entity<PeerImport>().ToTable("imports");
        import.Property(i => i.Id).HasColumnName("id");
        import.Property(i => i.AccountId).HasColumnName("account_id");
        import.Property(i => i.Type).HasColumnName("type");
        import.Property(i => i.Status).HasColumnName("status");
        import.Property(i => i.FileName).HasColumnName("file_name");
        import.Property(i => i.FileSize).HasColumnName("file_size");
        import.Property(i => i.Note).HasColumnName("note");
        import.Property(i => i.CompletedAt).HasColumnName("completed_at");
        import.Property(i => i.CreatedAt).HasColumnName("created_at");
        import.Property(i => i.UpdatedAt).HasColumnName("updated_at");
    }
}

internal sealed class PeerImport
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public string Type { get; set; } = "";

    public int Status { get; set; }

    public string FileName { get; set; } = "";

    public long FileSize { get; set; }

    public string? Note { get; set; }

    public long? CompletedAt { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
