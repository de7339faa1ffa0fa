/**
 * The peer: the Node-RED flow a care technician would build today for the same job, in core
 * nodes only. MQTT in (QoS 1) → JSON → [switch: fall or help → change (add the topic) → WebSocket
 * out] and [trigger per topic: "inactive" after 4 h without a message, extended by each message →
 * WebSocket out]. No database: Node-RED keeps nothing, so its throughput is an upper bound for a
 * flow that would also store events.
 */
export interface FlowOptions {
  brokerPort: number;
  prefix: string;
  /** WebSocket path the alerts go out on. */
  wsPath: string;
}

export function benchFlow(o: FlowOptions): unknown[] {
  const z = 'bench-tab';
  return [
    { id: z, type: 'tab', label: 'Vaka bench peer' },
    {
      id: 'broker',
      type: 'mqtt-broker',
      name: 'bench broker',
      broker: '127.0.0.1',
      port: String(o.brokerPort),
      clientid: '',
      autoConnect: true,
      usetls: false,
      protocolVersion: '4',
      keepalive: '60',
      cleansession: true,
    },
    {
      id: 'in',
      type: 'mqtt in',
      z,
      topic: `${o.prefix}/sensor/+`,
      qos: '1',
      datatype: 'utf8',
      broker: 'broker',
      nl: false,
      rap: true,
      inputs: 0,
      wires: [['json']],
    },
    {
      id: 'json',
      type: 'json',
      z,
      property: 'payload',
      action: 'obj',
      pretty: false,
      wires: [['fall-check', 'inactivity']],
    },
    {
      id: 'fall-check',
      type: 'switch',
      z,
      property: 'payload.type',
      propertyType: 'msg',
      rules: [
        { t: 'eq', v: 'fall', vt: 'str' },
        { t: 'eq', v: 'help', vt: 'str' },
      ],
      checkall: 'false',
      outputs: 2,
      wires: [['with-topic'], ['with-topic']],
    },
    {
      id: 'with-topic',
      type: 'change',
      z,
      rules: [{ t: 'set', p: 'payload.topic', pt: 'msg', to: 'topic', tot: 'msg' }],
      wires: [['ws-out']],
    },
    {
      id: 'inactivity',
      type: 'trigger',
      z,
      op1: '',
      op2: 'inactive',
      op1type: 'nul',
      op2type: 'str',
      duration: '4',
      extend: true,
      overrideDelay: false,
      units: 'hr',
      reset: '',
      bytopic: 'topic',
      topic: 'topic',
      outputs: 1,
      wires: [['ws-out']],
    },
    { id: 'ws-out', type: 'websocket out', z, server: 'ws-listener', client: '', wires: [] },
    { id: 'ws-listener', type: 'websocket-listener', path: o.wsPath, wholemsg: 'false' },
  ];
}
