using Microsoft.EntityFrameworkCore;

namespace ChildStory.Data;

/// <summary>
/// Recognises a save that lost a race, on either database: refused by a unique index, or (SQLite) unable to write
/// because another writer changed the data it had read. Either way someone else got there first.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => IsClash(exception.InnerException);

    public static bool IsClash(Exception? exception) => exception switch
    {
        DbUpdateException u => IsClash(u.InnerException),
        Npgsql.PostgresException p => p.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.SerializationFailure,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555 || s.SqliteErrorCode is 5 or 6,
        _ => false,
    };
}
