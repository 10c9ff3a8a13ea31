using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OneCExchange.Core.Staging;

/// <summary>One record of a zip's central directory: what unpacking an entry needs.</summary>
/// <param name="Next">The directory position of the record after this one: where a later request goes on.</param>
internal readonly record struct ZipEntryRecord(string Name, ushort Flags, ushort Method, long CompressedSize,
    long UncompressedSize, long LocalHeaderOffset, long Next)
{
    public bool IsFolder => Name.EndsWith('/') || Name.EndsWith('\\');
}

/// <summary>
/// A zip's central directory read one record at a time from a saved position (zip64 included). Nothing of the other
/// entries is kept: <see cref="ZipArchive"/> reads every entry of the archive into objects when it opens, which for an
/// archive of 200,000 pictures unpacked over several requests cost each request some 100 MB.
/// </summary>
internal sealed class ZipDirectory : IDisposable
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint RecordSignature = 0x02014b50;
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int RecordFixedSize = 46;

    private readonly FileStream _stream;
    private readonly Encoding _legacyNames;
    private readonly byte[] _fixed = new byte[RecordFixedSize];

    private ZipDirectory(FileStream stream, Encoding legacyNames, long entries, long start, long end)
    {
        _stream = stream;
        _legacyNames = legacyNames;
        Entries = entries;
        Start = start;
        End = end;
    }

    /// <summary>Entries the archive declares (folders included).</summary>
    public long Entries { get; }

    /// <summary>The position of the directory's first record.</summary>
    public long Start { get; }

    private long End { get; }

    /// <summary>Opens the directory of <paramref name="zipPath"/>; names without the UTF-8 flag are read in <paramref name="legacyNames"/>.</summary>
    /// <exception cref="InvalidDataException">Not a zip, or its end records are damaged.</exception>
    public static ZipDirectory Open(string zipPath, Encoding legacyNames)
    {
        var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 32 * 1024);
        try
        {
            var (entries, start, size) = ReadEnd(stream);
            if (start < 0 || size < 0 || start + size > stream.Length)
                throw new InvalidDataException("The zip's central directory lies outside the file.");
            return new ZipDirectory(stream, legacyNames, entries, start, start + size);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The records from <paramref name="position"/> (a <see cref="ZipEntryRecord.Next"/> or <see cref="Start"/>) to the end.</summary>
    public IEnumerable<ZipEntryRecord> ReadFrom(long position)
    {
        while (position < End)
        {
            var record = ReadRecord(position);
            position = record.Next;
            yield return record;
        }
    }

    /// <summary>The entry's data as stored (deflated or not), bounded to its compressed size.</summary>
    public Stream OpenData(FileStream data, ZipEntryRecord entry)
    {
        if ((entry.Flags & 1) != 0)
            throw new InvalidDataException($"The zip entry {entry.Name} is encrypted.");
        Span<byte> header = stackalloc byte[30];
        data.Position = entry.LocalHeaderOffset;
        data.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
            throw new InvalidDataException($"The zip entry {entry.Name} has no local header.");
        data.Position = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..])
                        + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        if (data.Position + entry.CompressedSize > data.Length)
            throw new InvalidDataException($"The zip entry {entry.Name} runs past the end of the file.");
        var stored = new BoundedReadStream(data, entry.CompressedSize);
        return entry.Method switch
        {
            0 => stored,
            8 => new DeflateStream(stored, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"The zip entry {entry.Name} uses compression method {entry.Method}."),
        };
    }

    private ZipEntryRecord ReadRecord(long position)
    {
        _stream.Position = position;
        _stream.ReadExactly(_fixed);
        var r = _fixed.AsSpan();
        if (BinaryPrimitives.ReadUInt32LittleEndian(r) != RecordSignature)
            throw new InvalidDataException("A record of the zip's central directory is damaged.");
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(r[8..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(r[10..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(r[20..]);
        long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(r[24..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(r[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(r[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(r[32..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(r[42..]);
        var variable = new byte[nameLength + extraLength];
        _stream.ReadExactly(variable);
        var name = ((flags & 0x800) != 0 ? Encoding.UTF8 : _legacyNames).GetString(variable, 0, nameLength);
        ReadZip64Extra(variable.AsSpan(nameLength), ref uncompressed, ref compressed, ref offset);
        var next = position + RecordFixedSize + nameLength + extraLength + commentLength;
        return new ZipEntryRecord(name, flags, method, compressed, uncompressed, offset, next);
    }

    /// <summary>Sizes and offset too big for 32 bits are in the zip64 extra field, in this order, only those that are.</summary>
    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]), extra.Length - 4);
            var field = extra.Slice(4, size);
            extra = extra[(4 + size)..];
            if (id != 1)
                continue;
            if (uncompressed == uint.MaxValue && Take(ref field, out var u))
                uncompressed = u;
            if (compressed == uint.MaxValue && Take(ref field, out var c))
                compressed = c;
            if (offset == uint.MaxValue && Take(ref field, out var o))
                offset = o;
            return;
        }
    }

    private static bool Take(ref ReadOnlySpan<byte> field, out long value)
    {
        if (field.Length < 8)
        {
            value = 0;
            return false;
        }
        value = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
        field = field[8..];
        return value >= 0;
    }

    /// <summary>The end of central directory record (and the zip64 one when the archive has it): entries, start, size.</summary>
    private static (long Entries, long Start, long Size) ReadEnd(FileStream stream)
    {
        var tailLength = (int)Math.Min(stream.Length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = stream.Length - tailLength;
        stream.ReadExactly(tail);
        var at = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature)
            {
                at = i;
                break;
            }
        }
        if (at < 0)
            throw new InvalidDataException("The file is not a zip archive (no end of central directory).");
        var end = tail.AsSpan(at);
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
        long start = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        var endPosition = stream.Length - tailLength + at;
        if (endPosition < 20 || (entries != ushort.MaxValue && size != uint.MaxValue && start != uint.MaxValue))
            return (entries, start, size);

        Span<byte> locator = stackalloc byte[20];
        stream.Position = endPosition - 20;
        stream.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            return (entries, start, size);
        Span<byte> zip64 = stackalloc byte[56];
        stream.Position = (long)BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        stream.ReadExactly(zip64);
        if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature)
            throw new InvalidDataException("The zip64 end of central directory is damaged.");
        return ((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64[32..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64[48..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64[40..]));
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Reads at most a given number of bytes of a stream from its current position.</summary>
    private sealed class BoundedReadStream(Stream inner, long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_left <= 0)
                return 0;
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            if (read == 0)
                throw new InvalidDataException("The zip entry ends before its stored size.");
            _left -= read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
