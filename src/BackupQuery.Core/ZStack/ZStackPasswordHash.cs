using System.Security.Cryptography;
using System.Text;

namespace BackupQuery.ZStack;

/// <summary>ZStack logins send the password as lowercase hex SHA-512 of its UTF-8 bytes.</summary>
internal static class ZStackPasswordHash
{
    public static string Compute(string password)
    {
        using var sha = SHA512.Create();
        return Hex.Lower(sha.ComputeHash(Encoding.UTF8.GetBytes(password)));
    }
}
