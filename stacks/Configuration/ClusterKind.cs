namespace Superset.Configuration;

/// <summary>
/// What kind of Kubernetes cluster the stack runs on (<c>superset:cluster.kind</c>): it decides the
/// values of the cluster add-ons, whose chart defaults assume a self-managed cluster.
/// </summary>
public enum ClusterKind
{
    /// <summary>
    /// kind, minikube or Docker Desktop (<c>local</c>, the default with in-cluster data services):
    /// no load balancer, kubelets with self-signed serving certificates, and a kubeadm control plane
    /// whose metrics listen on 127.0.0.1 only.
    /// </summary>
    Local,

    /// <summary>
    /// Amazon EKS (<c>eks</c>, the default with AWS data services): a load balancer, a control plane
    /// Prometheus cannot scrape, and kube-proxy's metrics on 127.0.0.1.
    /// </summary>
    Eks,

    /// <summary>
    /// A cluster whose control plane and kube-proxy serve metrics to the pod network
    /// (<c>selfManaged</c>): the charts' defaults.
    /// </summary>
    SelfManaged,
}
