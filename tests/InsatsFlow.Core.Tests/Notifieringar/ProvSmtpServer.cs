using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <summary>
/// A minimal SMTP server on the loopback interface that accepts one message, so the MailKit sender is tested
/// against a real socket conversation.
/// </summary>
internal sealed class ProvSmtpServer : IAsyncDisposable
{
    public sealed record Meddelande(IReadOnlyList<string> Mottagare, byte[] Data);

    private readonly TcpListener _lyssnare = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<Meddelande> _mottaget = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopp = new(TimeSpan.FromSeconds(30));
    private readonly Task _korning;

    public ProvSmtpServer()
    {
        _lyssnare.Start();
        _korning = Task.Run(KorAsync);
    }

    public int Port => ((IPEndPoint)_lyssnare.LocalEndpoint).Port;

    public Task<Meddelande> Mottaget => _mottaget.Task;

    private async Task KorAsync()
    {
        try
        {
            using var klient = await _lyssnare.AcceptTcpClientAsync(_stopp.Token);
            await using var strom = klient.GetStream();
            using var lasare = new StreamReader(strom, Encoding.Latin1);
            await using var skrivare = new StreamWriter(strom, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var mottagare = new List<string>();
            await skrivare.WriteLineAsync("220 localhost ESMTP prov");
            while (await lasare.ReadLineAsync(_stopp.Token) is { } rad)
            {
                var kommando = rad.ToUpperInvariant();
                if (kommando.StartsWith("EHLO"))
                {
                    await skrivare.WriteLineAsync("250-localhost");
                    await skrivare.WriteLineAsync("250 8BITMIME");
                }
                else if (kommando.StartsWith("RCPT TO:"))
                {
                    mottagare.Add(rad["RCPT TO:".Length..].Trim());
                    await skrivare.WriteLineAsync("250 OK");
                }
                else if (kommando == "DATA")
                {
                    await skrivare.WriteLineAsync("354 Skicka");
                    var data = new StringBuilder();
                    while (await lasare.ReadLineAsync(_stopp.Token) is { } datarad && datarad != ".")
                        data.Append(datarad.StartsWith("..") ? datarad[1..] : datarad).Append("\r\n");
                    await skrivare.WriteLineAsync("250 OK");
                    _mottaget.TrySetResult(new Meddelande(mottagare, Encoding.Latin1.GetBytes(data.ToString())));
                }
                else if (kommando == "QUIT")
                {
                    await skrivare.WriteLineAsync("221 Hej då");
                    break;
                }
                else
                {
                    await skrivare.WriteLineAsync("250 OK");
                }
            }
        }
        catch (Exception e)
        {
            _mottaget.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopp.Cancel();
        _lyssnare.Stop();
        await _korning;
        _stopp.Dispose();
    }
}
