using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// Builds the content hash that tells changed items from unchanged ones: SHA-256 over a length-prefixed encoding of the
/// fields fed (so "ab"+"c" differs from "a"+"bc"), shortened to 128 bits, Base64. The fields are gathered in a
/// reused buffer and hashed at once.
/// </summary>
internal sealed class ContentHash
{
    private byte[] _buffer = new byte[1024];
    private int _length;

    public ContentHash Add(string? value)
    {
        if (value is null)
        {
            AddTag(0);
            return this;
        }
        AddTag(1);
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(4 + max);
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), length);
        _length += 4 + length;
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
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
        return this;
    }

    /// <summary>The hash of everything added since the last call; starts over.</summary>
    public string Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), digest);
        _length = 0;
        return Convert.ToBase64String(digest[..16]);
    }

    private void AddTag(byte tag)
    {
        Ensure(1);
        _buffer[_length++] = tag;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }

    /// <summary>SHA-256 (lower-case hex) of a file, streamed.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096,
            FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
