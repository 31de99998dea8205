import ArgumentParser
ImprentaCommand.main()
