"""The graph layer: the networkx view of the store, its analysis and the HTML page.

networkx and pyvis are imported only here, so ``kg query`` starts fast.
"""
