using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// Builds the content hash that tells changed items from unchanged ones: SHA-256 over a length-prefixed encoding of the
/// fields fed (so "ab"+"c" differs from "a"+"bc"), shortened to 128 bits, Base64.
/// </summary>
internal sealed class ContentHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentHash Add(string? value)
    {
        if (value is null)
        {
            AddTag(0);
            return this;
        }
        AddTag(1);
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        AddInt(length);
        _hash.AppendData(buffer[..length]);
        if (rented != null)
            ArrayPool<byte>.Shared.Return(rented);
        return this;
    }

    public ContentHash Add(decimal? value) =>
        Add(value?.ToString(CultureInfo.InvariantCulture));

    public ContentHash Add(bool value)
    {
        AddTag(value ? (byte)2 : (byte)3);
        return this;
    }

    public ContentHash Add(int value)
    {
        AddTag(4);
        AddInt(value);
        return this;
    }

    public string Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return Convert.ToBase64String(digest[..16]);
    }

    public void Dispose() => _hash.Dispose();

    private void AddTag(byte tag) => _hash.AppendData([tag]);

    private void AddInt(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _hash.AppendData(bytes);
    }

    /// <summary>SHA-256 (lower-case hex) of a file, streamed.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
            FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
