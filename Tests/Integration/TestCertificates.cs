using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SensorNode.Integration
{
    /// <summary>Throw-away TLS material made with .NET's CertificateRequest: a CA and a loopback server certificate it signs.</summary>
    public static class TestCertificates
    {
        /// <summary>A self-signed CA (ECDSA P-256) valid from an hour ago for one day.</summary>
        public static X509Certificate2 CreateCa(string commonName)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        }

        /// <summary>A server certificate for 127.0.0.1 and localhost signed by <paramref name="ca"/>, with its private key.</summary>
        public static X509Certificate2 CreateServer(X509Certificate2 ca)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            byte[] serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using X509Certificate2 signed = request.Create(ca, now.AddMinutes(-10), now.AddHours(12), serial);
            return signed.CopyWithPrivateKey(key);
        }
    }
}
