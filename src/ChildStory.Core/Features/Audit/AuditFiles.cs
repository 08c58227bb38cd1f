using ChildStory.Data;
using Microsoft.Data.Sqlite;

namespace ChildStory.Features.Audit;

/// <summary>
/// Where the checkpoint key and the checkpoint file go when the settings do not say: beside a SQLite database file
/// (<c>childstory.db.audit-key</c>, <c>childstory.db.audit-checkpoints</c>), otherwise in the app's data folder, the
/// checkpoint file named after the PostgreSQL server and database so that two databases never share one.
/// </summary>
public static class AuditFiles
{
    public static string DefaultKeyFile(DatabaseSettings database) =>
        SqliteFile(database) is { } file ? file + ".audit-key" : Path.Combine(DataFolder(), "audit.key");

    public static string DefaultCheckpointFile(DatabaseSettings database)
    {
        if (SqliteFile(database) is { } file)
        {
            return file + ".audit-checkpoints";
        }
        var name = database.ConnectionString;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
            name = $"{builder.Host}-{builder.Port}-{builder.Database ?? builder.Username}";
        }
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return Path.Combine(DataFolder(), safe + ".audit-checkpoints");
    }

    public static string CheckpointFile(AuditOptions options, DatabaseSettings database) =>
        string.IsNullOrWhiteSpace(options.CheckpointFile) ? DefaultCheckpointFile(database) : Path.GetFullPath(options.CheckpointFile);

    private static string? SqliteFile(DatabaseSettings database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    private static string DataFolder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        // A service account without a home folder has no local application data: keep the files beside the working folder.
        return string.IsNullOrEmpty(local) ? Path.GetFullPath(".childstory") : Path.Combine(local, "ChildStory");
    }

    /// <summary>Creates a file only its owner can read and write (on Unix; on Windows the folder's access rules apply).</summary>
    internal static FileStream CreatePrivate(string path, FileMode mode)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    /// <summary>True when a Unix file can be read by its group or by anybody.</summary>
    internal static bool IsReadableByOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0;
}
