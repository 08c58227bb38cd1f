using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChildStory.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as fixed-width UTC ISO 8601 text, whose text order is time order.</summary>
public sealed class UtcIsoStringConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => DateTimeOffset.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
}
