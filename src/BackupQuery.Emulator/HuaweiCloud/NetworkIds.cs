namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The one VPC, subnet and security group every emulated database instance is in (the vpc_id/subnet_id filters).</summary>
public static class NetworkIds
{
    public const string Vpc = "3f2c1a54-8f1e-4c3b-9a52-6b1d2e7c0a11";
    public const string Subnet = "b7d9e0c2-5a4f-4e21-8c6d-1f3a2b4c5d66";
    public const string SecurityGroup = "0e4d3c2b-1a09-4f87-b6a5-c4d3e2f1a077";
}
