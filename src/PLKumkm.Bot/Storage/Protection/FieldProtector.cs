using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Encrypts personal values (NIK, phone, the JSON that carries them) for storage and computes the keyed hashes that
/// stand in for them in lookups. One 32-byte master key; every purpose gets its own subkey (HKDF-SHA256), so the
/// hash key reveals nothing of the encryption key and the other way round.
/// </summary>
/// <remarks>
/// A stored value is self-describing: <c>e1.</c> (random nonce) or <c>d1.</c> (deterministic), the key id (8 hex
/// digits), a dot, then base64 of nonce ‖ ciphertext ‖ tag. The key id lets <c>keys rotate</c> tell old values from
/// new ones and turns a wrong key into a clear error instead of garbage. Anything else is read as a value stored
/// before encryption existed (<c>keys rotate</c> encrypts those too).
/// </remarks>
internal sealed class FieldProtector
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HashSize = 16;
    private const int KeyIdLength = 8;
    private const string RandomPrefix = "e1.";
    private const string DeterministicPrefix = "d1.";

    private readonly byte[] _encryptionKey;
    private readonly byte[] _deterministicKey;
    private readonly byte[] _nonceKey;
    private readonly byte[] _hashKey;

    // One cipher per key and thread, not one per value: setting a key up costs OpenSSL more than sealing a short value.
    private readonly ThreadLocal<AesGcm> _randomCipher;
    private readonly ThreadLocal<AesGcm> _deterministicCipher;

    public FieldProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != KeySize)
        {
            throw new DataProtectionException($"a data protection key is {KeySize} bytes; this one has {masterKey.Length}");
        }

        var master = masterKey.ToArray();
        _encryptionKey = Derive(master, "plkumkm/values/aes-gcm");
        _deterministicKey = Derive(master, "plkumkm/deterministic/aes-gcm");
        _nonceKey = Derive(master, "plkumkm/deterministic/nonce");
        _hashKey = Derive(master, "plkumkm/lookup/hmac");
        KeyId = Convert.ToHexStringLower(Derive(master, "plkumkm/key-id").AsSpan(0, KeyIdLength / 2));
        _randomCipher = new(() => new AesGcm(_encryptionKey, TagSize));
        _deterministicCipher = new(() => new AesGcm(_deterministicKey, TagSize));
        CryptographicOperations.ZeroMemory(master);
    }

    /// <summary>Names the key without revealing it (stored with the data; see <see cref="ProtectionMarker"/>).</summary>
    public string KeyId { get; }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>A random-nonce encryption: the same value stored twice looks different each time.</summary>
    public string Protect(string value) => value.Length == 0 ? value : Seal(RandomPrefix, _randomCipher, Encoding.UTF8.GetBytes(value), null);

    /// <summary>As <see cref="Protect(string)"/>, from text already encoded as UTF-8.</summary>
    public string Protect(ReadOnlySpan<byte> utf8) => utf8.Length == 0 ? "" : Seal(RandomPrefix, _randomCipher, utf8, null);

    /// <summary>
    /// The same value always gives the same stored form, so equality, grouping and primary keys keep working on it
    /// (channel addresses such as <c>whatsapp:62812…</c>). The nonce is a keyed hash of the value (the SIV
    /// construction): a nonce repeats only with its own plaintext, which yields the very same ciphertext and tag, so
    /// GCM's nonce-reuse weakness (leaking the XOR of two plaintexts or the authentication key) cannot arise. What
    /// it reveals is which rows hold the same address — exactly what the queries need.
    /// </summary>
    public string ProtectDeterministic(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_nonceKey, plain, mac);
        return Seal(DeterministicPrefix, _deterministicCipher, plain, mac[..NonceSize]);
    }

    /// <summary>The value of a stored form of either kind made with this key; a value stored in clear comes back as it is.</summary>
    /// <exception cref="DataProtectionException">Made with another key, or altered.</exception>
    public string Unprotect(string stored) => TryParse(stored, out var random, out var keyId, out var body)
        ? Open(random ? _randomCipher : _deterministicCipher, keyId, body)
        : stored;

    /// <summary>Whether <paramref name="stored"/> is a stored form (of any key), and which key made it.</summary>
    public static bool IsProtected(string stored, out string keyId)
    {
        var yes = TryParse(stored, out _, out var id, out _);
        keyId = yes ? id.ToString() : "";
        return yes;
    }

    /// <summary>The keyed hash that lookups compare (HMAC-SHA256, first 128 bits, base64): equal values, equal hashes.</summary>
    public string Hash(string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(_hashKey, rented.AsSpan(0, written), mac);
            return Convert.ToBase64String(mac[..HashSize]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public string? HashOrNull(string? value) => value is null ? null : Hash(value);

    private string Seal(string prefix, ThreadLocal<AesGcm> cipher, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> fixedNonce)
    {
        var sealedLength = NonceSize + plain.Length + TagSize;
        var buffer = ArrayPool<byte>.Shared.Rent(sealedLength);
        try
        {
            var nonce = buffer.AsSpan(0, NonceSize);
            if (fixedNonce.IsEmpty)
            {
                RandomNumberGenerator.Fill(nonce);
            }
            else
            {
                fixedNonce.CopyTo(nonce);
            }

            cipher.Value!.Encrypt(nonce, plain, buffer.AsSpan(NonceSize, plain.Length), buffer.AsSpan(NonceSize + plain.Length, TagSize));

            return string.Concat(prefix, KeyId, ".", Convert.ToBase64String(buffer.AsSpan(0, sealedLength)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string Open(ThreadLocal<AesGcm> cipher, ReadOnlySpan<char> keyId, ReadOnlySpan<char> body)
    {
        if (!keyId.SequenceEqual(KeyId))
        {
            throw new DataProtectionException(
                $"a stored value was encrypted with data protection key {keyId}, not with the configured key {KeyId}");
        }

        var bytes = new byte[body.Length];
        if (!Convert.TryFromBase64Chars(body, bytes, out var length) || length < NonceSize + TagSize)
        {
            throw new DataProtectionException($"a stored value of key {KeyId} is damaged (not base64)");
        }

        var cipherLength = length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            cipher.Value!.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, cipherLength), bytes.AsSpan(NonceSize + cipherLength, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DataProtectionException($"a stored value of key {KeyId} does not authenticate (altered, or another key with the same id)");
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static bool TryParse(string stored, out bool random, out ReadOnlySpan<char> keyId, out ReadOnlySpan<char> body)
    {
        random = stored.StartsWith(RandomPrefix, StringComparison.Ordinal);
        var start = RandomPrefix.Length;
        if ((random || stored.StartsWith(DeterministicPrefix, StringComparison.Ordinal))
            && stored.Length > start + KeyIdLength + 1 && stored[start + KeyIdLength] == '.')
        {
            keyId = stored.AsSpan(start, KeyIdLength);
            body = stored.AsSpan(start + KeyIdLength + 1);
            return true;
        }

        keyId = body = default;
        return false;
    }

    private static byte[] Derive(byte[] master, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, KeySize, salt: [], info: Encoding.ASCII.GetBytes(purpose));
}

/// <summary>A key that is missing, malformed or not the one the data was encrypted with: the bot cannot start.</summary>
internal sealed class DataProtectionException(string message) : Exception(message);
