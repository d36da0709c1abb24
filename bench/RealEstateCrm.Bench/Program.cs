using RealEstateCrm.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await SeedBenchmark.RunAsync(),
    "streaming" => await StreamingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "olap" => await OlapBenchmark.RunAsync(),
    "callcenter" => CallCenterBenchmark.Run(),
    "rtp" => await RtpBenchmark.RunAsync(args.Skip(1).ToArray()),
    "ml-reference" => await MlReferenceBenchmark.RunAsync(args.Skip(1).ToArray()),
    "sip" => await SipBenchmark.RunAsync(args.Skip(1).ToArray()),
    "etl" => await EtlBenchmark.RunAsync(args.Skip(1).ToArray()),
    AppenderBaseline.ChildSuite => await AppenderBaseline.RunChildAsync(args.Skip(1).ToArray()),
    "ml" => await MlBenchmark.RunAsync(args.Skip(1).ToArray()),
    "web" => await WebBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RealEstateCrm.Bench -- <suite>\nsuites: seed, streaming [seconds] [changes/s] [writers], olap, callcenter, rtp [calls] [seconds], ml-reference [data folder], sip [seconds] [calls/s], etl [scale], ml [scale], web [scale] [clients] [seconds] [page]");
    return 2;
}
