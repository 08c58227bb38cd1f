using System.Security.Cryptography;
using System.Text;

namespace ChildStory.Web.Security;

/// <summary>RFC 6238 time-based codes as authenticator apps show them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The step within <paramref name="window"/> steps of now whose code is <paramref name="code"/>, if any.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now, int window)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32Decode(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }
        var presented = Encoding.ASCII.GetBytes(code);
        long? match = null;
        var current = StepAt(now);
        // Every step in the window is computed and compared in constant time, so timing does not tell which matched.
        for (var step = current - window; step <= current + window; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, step)), presented))
            {
                match = step;
            }
        }
        return match;
    }

    public static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes the RFC 4648 base32 key that Identity stores and apps are given; null when it is not base32.</summary>
    public static byte[]? Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(input.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
