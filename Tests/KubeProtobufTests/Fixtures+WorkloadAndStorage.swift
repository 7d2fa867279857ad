extension Fixtures {
    /// core/v1's remaining kinds, autoscaling/v2, storage, discovery, events.k8s.io, node.k8s.io.
    static let workloadAndStorageKinds: [String] = [
        // A volume a CSI driver provisioned for a claim, bound.
        #"""
        {"apiVersion": "v1", "kind": "PersistentVolume",
         "metadata": {
           "name": "pvc-7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "uid": "a3e1b2c4-0d9f-4e8a-b7c6-5d4e3f2a1b0c",
           "resourceVersion": "48213", "creationTimestamp": "2024-05-06T07:08:09Z",
           "annotations": {"pv.kubernetes.io/provisioned-by": "ebs.csi.aws.com", "volume.kubernetes.io/provisioner-deletion-secret-name": ""},
           "finalizers": ["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"]},
         "spec": {
           "capacity": {"storage": "10Gi"},
           "csi": {"driver": "ebs.csi.aws.com", "volumeHandle": "vol-0a1b2c3d4e5f67890", "fsType": "ext4",
             "volumeAttributes": {"storage.kubernetes.io/csiProvisionerIdentity": "1714980000000-8081-ebs.csi.aws.com"},
             "controllerPublishSecretRef": {"name": "ebs-publish", "namespace": "kube-system"},
             "nodeStageSecretRef": {"name": "ebs-stage", "namespace": "kube-system"},
             "nodePublishSecretRef": {"name": "ebs-node"},
             "controllerExpandSecretRef": {"name": "ebs-expand", "namespace": "kube-system"},
             "nodeExpandSecretRef": {"name": "ebs-node-expand", "namespace": "kube-system"}},
           "accessModes": ["ReadWriteOnce"],
           "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "web", "name": "data-web-0",
             "uid": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "apiVersion": "v1", "resourceVersion": "48190"},
           "persistentVolumeReclaimPolicy": "Delete", "storageClassName": "gp3", "mountOptions": ["noatime", "nodiratime"],
           "volumeMode": "Filesystem", "volumeAttributesClassName": "gold",
           "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
             {"key": "topology.ebs.csi.aws.com/zone", "operator": "In", "values": ["us-east-1a"]}]}]}}},
         "status": {"phase": "Bound", "lastPhaseTransitionTime": "2024-05-06T07:08:10Z"}}
        """#,
        // A local volume an administrator made, waiting for a claim.
        #"""
        {"apiVersion": "v1", "kind": "PersistentVolume",
         "metadata": {"name": "local-sim-0-nvme0", "labels": {"storage.example.com/disk": "nvme"}},
         "spec": {
           "capacity": {"storage": "1863Gi"},
           "local": {"path": "/mnt/disks/nvme0", "fsType": "xfs"},
           "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "local-nvme",
           "volumeMode": "Block",
           "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
             {"key": "kubernetes.io/hostname", "operator": "In", "values": ["sim-0"]}]}]}}},
         "status": {"phase": "Available", "lastPhaseTransitionTime": "2024-05-06T07:00:00Z"}}
        """#,
        // An iSCSI volume with CHAP, released after its claim went away.
        #"""
        {"apiVersion": "v1", "kind": "PersistentVolume",
         "metadata": {"name": "iscsi-archive", "annotations": {"pv.kubernetes.io/bound-by-controller": "yes"}},
         "spec": {
           "capacity": {"storage": "500Gi"},
           "iscsi": {"targetPortal": "10.2.0.10:3260", "iqn": "iqn.2024-01.com.example:storage.archive", "lun": 0,
             "iscsiInterface": "default", "fsType": "ext4", "readOnly": true, "portals": ["10.2.0.11:3260", "10.2.0.12:3260"],
             "chapAuthDiscovery": true, "chapAuthSession": true, "secretRef": {"name": "chap-secret", "namespace": "storage"},
             "initiatorName": "iqn.2024-01.com.example:sim-0"},
           "accessModes": ["ReadOnlyMany"], "persistentVolumeReclaimPolicy": "Retain", "volumeMode": "Filesystem",
           "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "archive", "name": "old", "uid": "u-9"}},
         "status": {"phase": "Released", "message": "claim archive/old was deleted", "reason": "ClaimDeleted",
           "lastPhaseTransitionTime": "2024-05-07T00:00:00Z"}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "LimitRange",
         "metadata": {"name": "defaults", "namespace": "web", "creationTimestamp": "2024-01-02T03:04:05Z"},
         "spec": {"limits": [
           {"type": "Container",
            "max": {"cpu": "2", "memory": "1Gi"}, "min": {"cpu": "50m", "memory": "32Mi"},
            "default": {"cpu": "500m", "memory": "256Mi"}, "defaultRequest": {"cpu": "100m", "memory": "128Mi"},
            "maxLimitRequestRatio": {"cpu": "10"}},
           {"type": "Pod", "max": {"cpu": "4", "memory": "4Gi"}},
           {"type": "PersistentVolumeClaim", "max": {"storage": "50Gi"}, "min": {"storage": "1Gi"}}]}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "ReplicationController",
         "metadata": {"name": "legacy", "namespace": "web", "generation": 2, "labels": {"app": "legacy"}},
         "spec": {
           "replicas": 3, "minReadySeconds": 10, "selector": {"app": "legacy"},
           "template": {
             "metadata": {"creationTimestamp": null, "labels": {"app": "legacy"}},
             "spec": {
               "containers": [{"name": "app", "image": "registry.example.com/legacy:2",
                 "ports": [{"containerPort": 8080, "protocol": "TCP"}],
                 "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}},
                 "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                 "imagePullPolicy": "IfNotPresent"}],
               "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
               "securityContext": {}, "schedulerName": "default-scheduler"}}},
         "status": {"replicas": 3, "fullyLabeledReplicas": 3, "readyReplicas": 2, "availableReplicas": 2, "observedGeneration": 2,
           "conditions": [{"type": "ReplicaFailure", "status": "True", "lastTransitionTime": "2024-01-02T03:04:05Z",
             "reason": "FailedCreate", "message": "pods \"legacy-x7k2p\" is forbidden: exceeded quota: quota"}]}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "PodTemplate",
         "metadata": {"name": "batch-worker", "namespace": "jobs", "labels": {"role": "worker"}},
         "template": {
           "metadata": {"labels": {"role": "worker"}, "annotations": {"example.com/profile": "batch"}},
           "spec": {
             "volumes": [{"name": "scratch", "emptyDir": {}}],
             "containers": [{"name": "worker", "image": "registry.example.com/worker:5", "args": ["--queue", "tasks"],
               "env": [{"name": "QUEUE_URL", "valueFrom": {"secretKeyRef": {"name": "queue", "key": "url"}}}],
               "resources": {"limits": {"memory": "512Mi"}, "requests": {"cpu": "250m", "memory": "512Mi"}},
               "volumeMounts": [{"name": "scratch", "mountPath": "/tmp"}]}],
             "restartPolicy": "Never", "nodeSelector": {"node.example.com/pool": "batch"},
             "tolerations": [{"key": "pool", "operator": "Equal", "value": "batch", "effect": "NoSchedule"}]}}}
        """#,
        #"""
        {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
         "metadata": {"name": "web", "namespace": "web", "generation": 3, "creationTimestamp": "2024-01-02T03:04:05Z"},
         "spec": {
           "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
           "minReplicas": 2, "maxReplicas": 10,
           "metrics": [
             {"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}},
             {"type": "ContainerResource", "containerResource": {"name": "memory", "container": "web",
               "target": {"type": "AverageValue", "averageValue": "300Mi"}}},
             {"type": "Pods", "pods": {"metric": {"name": "http_requests_per_second"},
               "target": {"type": "AverageValue", "averageValue": "1k"}}},
             {"type": "Object", "object": {
               "describedObject": {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "name": "web"},
               "metric": {"name": "requests-per-second", "selector": {"matchLabels": {"path": "api"}}},
               "target": {"type": "Value", "value": "10k"}}},
             {"type": "External", "external": {
               "metric": {"name": "queue_messages_ready",
                 "selector": {"matchExpressions": [{"key": "queue", "operator": "In", "values": ["tasks"]}]}},
               "target": {"type": "AverageValue", "averageValue": "30"}}}],
           "behavior": {
             "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
               "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}, {"type": "Pods", "value": 4, "periodSeconds": 15}]},
             "scaleDown": {"stabilizationWindowSeconds": 300, "selectPolicy": "Min", "tolerance": "50m",
               "policies": [{"type": "Percent", "value": 10, "periodSeconds": 60}]}}},
         "status": {
           "observedGeneration": 3, "lastScaleTime": "2024-01-02T04:00:00Z", "currentReplicas": 4, "desiredReplicas": 5,
           "currentMetrics": [
             {"type": "Resource", "resource": {"name": "cpu", "current": {"averageValue": "412m", "averageUtilization": 82}}},
             {"type": "ContainerResource", "containerResource": {"name": "memory", "container": "web",
               "current": {"averageValue": "280Mi"}}},
             {"type": "Pods", "pods": {"metric": {"name": "http_requests_per_second"}, "current": {"averageValue": "1200m"}}},
             {"type": "Object", "object": {"metric": {"name": "requests-per-second", "selector": {"matchLabels": {"path": "api"}}},
               "describedObject": {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "name": "web"},
               "current": {"value": "12k"}}},
             {"type": "External", "external": {"metric": {"name": "queue_messages_ready"}, "current": {"averageValue": "25"}}}],
           "conditions": [
             {"type": "AbleToScale", "status": "True", "lastTransitionTime": "2024-01-02T03:05:00Z",
              "reason": "SucceededRescale", "message": "the HPA controller was able to update the target scale to 5"},
             {"type": "ScalingActive", "status": "True", "lastTransitionTime": "2024-01-02T03:05:00Z",
              "reason": "ValidMetricFound", "message": "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
              "observedGeneration": 3},
             {"type": "ScalingLimited", "status": "False", "lastTransitionTime": "2024-01-02T03:05:00Z",
              "reason": "DesiredWithinRange", "message": "the desired count is within the acceptable range"}]}}
        """#,
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "CSIDriver",
         "metadata": {"name": "ebs.csi.aws.com", "labels": {"app.kubernetes.io/name": "aws-ebs-csi-driver"}},
         "spec": {"attachRequired": true, "podInfoOnMount": false, "volumeLifecycleModes": ["Persistent", "Ephemeral"],
           "storageCapacity": true, "fsGroupPolicy": "File",
           "tokenRequests": [{"audience": "sts.amazonaws.com", "expirationSeconds": 3600}, {"audience": "vault"}],
           "requiresRepublish": true, "seLinuxMount": true, "nodeAllocatableUpdatePeriodSeconds": 60,
           "serviceAccountTokenInSecrets": true, "preventPodSchedulingIfMissing": false}}
        """#,
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "CSINode",
         "metadata": {"name": "sim-0",
           "ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": "sim-0", "uid": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"}]},
         "spec": {"drivers": [
           {"name": "ebs.csi.aws.com", "nodeID": "i-0123456789abcdef0",
            "topologyKeys": ["kubernetes.io/os", "topology.ebs.csi.aws.com/zone", "topology.kubernetes.io/zone"],
            "allocatable": {"count": 25}},
           {"name": "secrets-store.csi.k8s.io", "nodeID": "sim-0", "topologyKeys": ["kubernetes.io/hostname"]}]},
         "status": {"storageHealth": [{"name": "ebs.csi.aws.com", "healthConditions": [
           {"status": "StorageDegraded", "reason": "HighLatency", "message": "p99 write latency above 200ms",
            "accessMode": "ReadWriteOnce", "volumeMode": "Filesystem", "lastTransitionTime": "2024-05-06T07:08:09Z"},
           {"status": "StorageUnreachable", "reason": "PathDown", "lastTransitionTime": "2024-05-06T07:10:00Z"}]}]}}
        """#,
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "CSIStorageCapacity",
         "metadata": {"name": "csisc-7x2kq", "generateName": "csisc-", "namespace": "kube-system",
           "labels": {"csi.storage.k8s.io/drivername": "topolvm.io", "csi.storage.k8s.io/managed-by": "external-provisioner-sim-0"},
           "ownerReferences": [{"apiVersion": "apps/v1", "kind": "DaemonSet", "name": "topolvm-node",
             "uid": "0b5e0c2e-1111-2222-3333-444455556666", "controller": true}]},
         "nodeTopology": {"matchLabels": {"topology.topolvm.io/node": "sim-0"}},
         "storageClassName": "topolvm-provisioner", "capacity": "1862Gi", "maximumVolumeSize": "512Gi"}
        """#,
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "VolumeAttachment",
         "metadata": {"name": "csi-1f2e3d4c5b6a79880f1e2d3c4b5a69788f7e6d5c4b3a29180f1e2d3c4b5a6978",
           "finalizers": ["external-attacher/ebs-csi-aws-com"], "annotations": {"csi.alpha.kubernetes.io/node-id": "i-0123456789abcdef0"}},
         "spec": {"attacher": "ebs.csi.aws.com", "nodeName": "sim-0",
           "source": {"persistentVolumeName": "pvc-7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"}},
         "status": {"attached": true, "attachmentMetadata": {"devicePath": "/dev/xvdba"},
           "detachError": {"time": "2024-05-06T08:00:00Z", "message": "rpc error: code = Internal desc = volume is busy", "errorCode": 13}}}
        """#,
        // A migrated in-tree volume: the attachment carries the volume's spec.
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "VolumeAttachment",
         "metadata": {"name": "csi-migrated"},
         "spec": {"attacher": "ebs.csi.aws.com", "nodeName": "sim-1",
           "source": {"inlineVolumeSpec": {"capacity": {"storage": "20Gi"},
             "csi": {"driver": "ebs.csi.aws.com", "volumeHandle": "vol-0fedcba9876543210", "fsType": "ext4"},
             "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Delete"}}},
         "status": {"attached": false,
           "attachError": {"time": "2024-05-06T08:01:00Z", "message": "rpc error: code = NotFound desc = instance not found"}}}
        """#,
        #"""
        {"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
         "metadata": {"name": "nginx", "annotations": {"ingressclass.kubernetes.io/is-default-class": "true"},
           "labels": {"app.kubernetes.io/component": "controller"}},
         "spec": {"controller": "k8s.io/ingress-nginx",
           "parameters": {"apiGroup": "k8s.example.com", "kind": "IngressParameters", "name": "external-lb",
             "scope": "Namespace", "namespace": "ingress"}}}
        """#,
        #"""
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
         "metadata": {"name": "web-abc12", "generateName": "web-", "namespace": "web", "generation": 4,
           "labels": {"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "kubernetes.io/service-name": "web"},
           "annotations": {"endpoints.kubernetes.io/last-change-trigger-time": "2024-01-02T03:04:05Z"},
           "ownerReferences": [{"apiVersion": "v1", "kind": "Service", "name": "web", "uid": "u-2",
             "controller": true, "blockOwnerDeletion": true}]},
         "addressType": "IPv4",
         "endpoints": [
           {"addresses": ["10.0.0.2"], "conditions": {"ready": true, "serving": true, "terminating": false},
            "hostname": "web-0", "targetRef": {"kind": "Pod", "namespace": "web", "name": "web-0", "uid": "u-1"},
            "nodeName": "sim-0", "zone": "us-east-1a",
            "hints": {"forZones": [{"name": "us-east-1a"}], "forNodes": [{"name": "sim-0"}]}},
           {"addresses": ["10.0.1.7"], "conditions": {"ready": false, "serving": true, "terminating": true},
            "targetRef": {"kind": "Pod", "namespace": "web", "name": "web-1", "uid": "u-3"},
            "nodeName": "sim-1", "zone": "us-east-1b", "deprecatedTopology": {"kubernetes.io/hostname": "sim-1"}},
           {"addresses": ["10.0.2.9"], "conditions": {}}],
         "ports": [{"name": "http", "protocol": "TCP", "port": 80, "appProtocol": "http"}, {"name": "", "protocol": "UDP", "port": 53}]}
        """#,
        #"""
        {"apiVersion": "events.k8s.io/v1", "kind": "Event",
         "metadata": {"name": "web-0.17c8a9b0d1e2f3a4", "namespace": "web", "creationTimestamp": "2024-01-02T03:04:05Z"},
         "eventTime": "2024-01-02T03:04:05.123456Z",
         "series": {"count": 4, "lastObservedTime": "2024-01-02T03:09:05.000001Z"},
         "reportingController": "kubelet", "reportingInstance": "sim-0", "action": "Pulling", "reason": "BackOff",
         "regarding": {"kind": "Pod", "namespace": "web", "name": "web-0", "uid": "u-1", "apiVersion": "v1",
           "resourceVersion": "7", "fieldPath": "spec.containers{web}"},
         "related": {"kind": "Node", "name": "sim-0"},
         "note": "Back-off pulling image \"nginx:1.99\"", "type": "Warning",
         "deprecatedSource": {"component": "kubelet", "host": "sim-0"},
         "deprecatedFirstTimestamp": "2024-01-02T03:04:05Z", "deprecatedLastTimestamp": "2024-01-02T03:09:05Z", "deprecatedCount": 4}
        """#,
        // As a controller writes it through events.k8s.io: the deprecated core fields at their zero values.
        #"""
        {"apiVersion": "events.k8s.io/v1", "kind": "Event",
         "metadata": {"name": "web.17c8a9b0d1e2f3b5", "namespace": "web"},
         "eventTime": "2024-01-02T03:04:05.000000Z",
         "reportingController": "stead.dev/deployment-controller", "reportingInstance": "stead-0",
         "action": "Scaling", "reason": "ScalingReplicaSet",
         "regarding": {"kind": "Deployment", "namespace": "web", "name": "web", "apiVersion": "apps/v1"},
         "note": "Scaled up replica set web-5d8f to 2", "type": "Normal",
         "deprecatedSource": {}, "deprecatedFirstTimestamp": null, "deprecatedLastTimestamp": null}
        """#,
        #"""
        {"apiVersion": "node.k8s.io/v1", "kind": "RuntimeClass",
         "metadata": {"name": "gvisor", "labels": {"sandbox": "true"}},
         "handler": "runsc",
         "overhead": {"podFixed": {"cpu": "250m", "memory": "120Mi"}},
         "scheduling": {"nodeSelector": {"runtime.example.com/gvisor": "true"},
           "tolerations": [{"key": "runtime.example.com/sandbox", "operator": "Equal", "value": "gvisor", "effect": "NoSchedule"}]}}
        """#,
    ]
}
