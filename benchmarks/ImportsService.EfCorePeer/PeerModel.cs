using Microsoft.EntityFrameworkCore;

// The service's imports table as a typical EF Core model maps it; the peer service and TimeWindowBenchmarks share it
// (the benchmark links this file), so both measure the same EF Core reads.

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
