using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BackupQuery.Emulator;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>The emulator program on a port that is taken: one line that names the port and what to do, and a non-zero exit.</summary>
public sealed class BusyPortTests
{
    [Fact]
    public async Task The_program_names_the_busy_port_in_one_line_and_exits_with_CannotListen()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        // The built program, as a person starts it (dotnet BackupQuery.Emulator.dll), next to the test assembly.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BackupQuery.Emulator.dll"), "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var program = Process.Start(start)!;
        var output = program.StandardOutput.ReadToEndAsync();
        var error = program.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await program.WaitForExitAsync(timeout.Token);

        Assert.Equal(Program.CannotListen, program.ExitCode);
        Assert.Equal("", await output);
        Assert.Equal(
            $"error: cannot listen on http://127.0.0.1:{port}: port {port} is already in use. Start with --urls http://127.0.0.1:0 (any free port; the address is printed) or another port." + Environment.NewLine,
            await error);
    }
}
