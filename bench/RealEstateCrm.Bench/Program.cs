using RealEstateCrm.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await SeedBenchmark.RunAsync(),
    "streaming" => await StreamingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "olap" => await OlapBenchmark.RunAsync(),
    "sip" => await SipBenchmark.RunAsync(args.Skip(1).ToArray()),
    "rtp" => await RtpBenchmark.RunAsync(args.Skip(1).ToArray()),
    "callcenter" => CallCenterBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RealEstateCrm.Bench -- <suite>\nsuites: seed, streaming [seconds] [changes/s], olap, sip [seconds] [calls/s], rtp [calls] [seconds], callcenter");
    return 2;
}
