"""(in progress)"""
def find_quotes(ctx, turns):
    return []
