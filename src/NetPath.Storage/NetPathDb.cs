using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NetPath.Storage;

/// <summary>
/// The EF Core model over the hand-written schema (Migrations/*/NNNN_*.sql). Names are mapped
/// to snake_case explicitly so that the same SQL works on SQLite and PostgreSQL.
/// </summary>
public sealed class NetPathDb(DbContextOptions<NetPathDb> options) : DbContext(options)
{
    public DbSet<PatientRecord> Patients => Set<PatientRecord>();
    public DbSet<CaseVersionRecord> CaseVersions => Set<CaseVersionRecord>();
    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<DiaryEntryRecord> DiaryEntries => Set<DiaryEntryRecord>();
    public DbSet<BoardItemRecord> BoardItems => Set<BoardItemRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PatientRecord>(e =>
        {
            e.ToTable("patients");
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CaseVersionRecord>().ToTable("case_versions");
        modelBuilder.Entity<AssessmentRecord>().ToTable("assessments");
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.Property(a => a.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<UserAccount>().ToTable("users");
        modelBuilder.Entity<SessionRecord>().ToTable("sessions");
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(i => new { i.UserName, i.Key });
        });
        modelBuilder.Entity<DiaryEntryRecord>().ToTable("diary_entries");
        modelBuilder.Entity<BoardItemRecord>(e =>
        {
            e.ToTable("board_items");
            e.Property(b => b.Version).IsConcurrencyToken();
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                // Every stored time is UTC; SQLite gives it back without a kind.
                if (property.ClrType == typeof(DateTime)) property.SetValueConverter(UtcConverter);
                else if (property.ClrType == typeof(DateTime?)) property.SetValueConverter(NullableUtcConverter);
            }
        }
    }

    private static readonly ValueConverter<DateTime, DateTime> UtcConverter =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtcConverter =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
