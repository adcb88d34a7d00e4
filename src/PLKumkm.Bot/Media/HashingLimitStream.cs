using System.Security.Cryptography;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Media;

/// <summary>
/// A write-only stream in front of the temporary file: hashes what passes, keeps the first bytes for the type check,
/// and stops a download the moment it passes the limit (a declared size is not trusted).
/// </summary>
internal sealed class HashingLimitStream(Stream inner, long maxBytes) : Stream
{
    private const int HeadLength = 16;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[HeadLength];
    private long _length;

    public ReadOnlySpan<byte> Head => _head.AsSpan(0, (int)Math.Min(_length, HeadLength));

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > maxBytes)
        {
            throw new MediaRefusedException(new MediaProblem(MediaProblemKind.TooLarge, maxBytes));
        }

        if (_length < HeadLength)
        {
            var n = (int)Math.Min(HeadLength - _length, buffer.Length);
            buffer[..n].CopyTo(_head.AsSpan((int)_length));
        }

        _hash.AppendData(buffer);
        _length += buffer.Length;
    }
}
