using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NetPath.Storage;

public static class StorageServices
{
    /// <summary>
    /// Registers the database (pooled contexts), the record and account services. The location is
    /// resolved when first needed, so that hosts and tests can set it through configuration.
    /// </summary>
    public static IServiceCollection AddNetPathStorage(this IServiceCollection services, Func<IServiceProvider, DatabaseLocation> location)
    {
        services.AddSingleton(location);
        services.AddDbContextPool<NetPathDb>((sp, options) => Configure(options, sp.GetRequiredService<DatabaseLocation>()));
        services.AddDbContext<KeyRingDb>((sp, options) => Configure(options, sp.GetRequiredService<DatabaseLocation>()));
        services.AddScoped<PatientRecords>();
        services.AddScoped<Diary>();
        services.AddScoped<TumourBoard>();
        services.AddScoped<Worklists>();
        services.AddScoped<Accounts>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DatabaseSetup>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(location.ConnectionString);
            options.AddInterceptors(new SqliteDurability());
        }
        else
        {
            options.UseNpgsql(location.ConnectionString);
        }
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>The Data Protection key ring outside any host (tools and tests).</summary>
    public static KeyRingDb OpenKeyRing(DatabaseLocation location)
    {
        var builder = new DbContextOptionsBuilder<KeyRingDb>();
        Configure(builder, location);
        return new KeyRingDb(builder.Options);
    }

    /// <summary>A context outside any host, for one-off tools (netpath admin create).</summary>
    public static NetPathDb Open(DatabaseLocation location)
    {
        var builder = new DbContextOptionsBuilder<NetPathDb>();
        Configure(builder, location);
        return new NetPathDb(builder.Options);
    }
}

/// <summary>Migrates the database at start.</summary>
public sealed class DatabaseSetup(NetPathDb db, DatabaseLocation location, TimeProvider time)
{
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) =>
        Migrator.MigrateAsync(db, location.Provider, time, cancellationToken);
}
