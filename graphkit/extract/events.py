"""(in progress)"""
def find_events(ctx):
    return []
