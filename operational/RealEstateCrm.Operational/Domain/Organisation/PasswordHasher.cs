using System.Security.Cryptography;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>PBKDF2-SHA256 with a random salt, stored as "pbkdf2-sha256$iterations$salt$hash" so the
/// iteration count can be raised later without breaking stored hashes.</summary>
public static class PasswordHasher
{
    private const int Iterations = 210_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations)) return false;
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The password policy: at least 10 characters with a letter and a digit.</summary>
    public static Common.RefusalText? PolicyViolation(string? password) =>
        password is null || password.Length < 10 ? "must be at least 10 characters"
        : !password.Any(char.IsLetter) || !password.Any(char.IsDigit) ? "must contain a letter and a digit"
        : null;
}
