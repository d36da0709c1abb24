using RealEstateCrm.Host.Cli;

return await CrmCli.RunAsync(args);
