"""Reading files into issues: formats, encodings, text repair, bulletin structure."""
